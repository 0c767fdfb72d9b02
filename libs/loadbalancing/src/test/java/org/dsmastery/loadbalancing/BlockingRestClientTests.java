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
 * header, and a dead instance never chosen. Each instance's health is asked on the
 * management port it registered, if it registered one.
 */
@SpringBootTest(classes = BlockingRestClientTests.Client.class, properties = {
		"spring.cloud.discovery.reactive.enabled=false", "shop.loadbalancer.accounts.strategy=consistent-hash" })
class BlockingRestClientTests {

	static final HttpServer first = server("first");

	static final HttpServer second = server("second");

	/** Serves the API only: its actuator is on {@link #thirdManagement}. */
	static final HttpServer third = server("third");

	static final HttpServer thirdManagement = server("third's actuator");

	/** Serves the API, but its actuator, where it says it is, does not answer. */
	static final HttpServer fourth = server("fourth");

	@Autowired
	RestClient.Builder builder;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		String prefix = "spring.cloud.discovery.client.simple.instances.accounts";
		registry.add(prefix + "[0].uri", () -> url(first));
		registry.add(prefix + "[1].uri", () -> url(second));
		// registered, but nothing listens there: the health check keeps it out
		registry.add(prefix + "[2].uri", () -> "http://127.0.0.1:9");
		// its actuator on a management port of its own, as ./platform runs every service
		registry.add(prefix + "[3].uri", () -> url(third));
		registry.add(prefix + "[3].metadata[management.port]", () -> thirdManagement.getAddress().getPort());
		registry.add(prefix + "[4].uri", () -> url(fourth));
		registry.add(prefix + "[4].metadata[management.port]", () -> 9);
	}

	@AfterAll
	static void stop() {
		for (HttpServer server : new HttpServer[] { first, second, third, thirdManagement, fourth }) {
			server.stop(0);
		}
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

		assertThat(servedBy.values()).containsOnly("first", "second", "third").contains("first", "second", "third");
	}

	private static HttpServer server(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", (exchange) -> route(exchange, name));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An instance's API answers with its name; its actuator, where it has one, is UP. The
	 * third instance's API port has no actuator: asked there, it would be taken out.
	 */
	private static void route(HttpExchange exchange, String name) throws IOException {
		boolean actuator = exchange.getRequestURI().getPath().startsWith("/actuator");
		if (!actuator) {
			respond(exchange, 200, name);
		}
		else if (name.equals("third")) {
			respond(exchange, 404, "");
		}
		else {
			respond(exchange, 200, "{\"status\":\"UP\"}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
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
