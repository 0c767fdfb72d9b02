package org.dsmastery.loadbalancing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blocking {@code @LoadBalanced RestClient} gets the library's strategy and
 * health-checked instances too: the blocking discovery client, consistent hashing by
 * header, and a dead instance never chosen.
 */
@SpringBootTest(classes = BlockingRestClientTests.Client.class, properties = {
		"spring.cloud.discovery.reactive.enabled=false", "shop.loadbalancer.accounts.strategy=consistent-hash" })
class BlockingRestClientTests {

	static final HttpServer first = server("first");

	static final HttpServer second = server("second");

	@Autowired
	RestClient.Builder builder;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		String prefix = "spring.cloud.discovery.client.simple.instances.accounts";
		registry.add(prefix + "[0].uri", () -> url(first));
		registry.add(prefix + "[1].uri", () -> url(second));
		// registered, but nothing listens there: the health check keeps it out
		registry.add(prefix + "[2].uri", () -> "http://127.0.0.1:9");
	}

	@AfterAll
	static void stop() {
		first.stop(0);
		second.stop(0);
	}

	@Test
	void balancesBlockingCallsByTheConfiguredStrategyOverHealthyInstances() {
		RestClient client = this.builder.baseUrl("http://accounts").build();
		Map<String, String> servedBy = new HashMap<>();

		for (int round = 0; round < 3; round++) {
			for (int customer = 0; customer < 20; customer++) {
				String server = client.get()
					.uri("/api/accounts")
					.header("X-Customer-Id", "customer-" + customer)
					.retrieve()
					.body(String.class);
				String previous = servedBy.put("customer-" + customer, server);
				assertThat(previous).as("customer-%d in round %d", customer, round).isIn(null, server);
			}
		}

		assertThat(servedBy.values()).containsOnly("first", "second").contains("first", "second");
	}

	private static HttpServer server(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", (exchange) -> respond(exchange,
					exchange.getRequestURI().getPath().equals("/actuator/health") ? "{\"status\":\"UP\"}" : name));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String url(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Client {

		@Bean
		@LoadBalanced
		RestClient.Builder loadBalancedRestClientBuilder() {
			return RestClient.builder();
		}

	}

}
