package org.dsmastery.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-balancing strategies of libs/loadbalancing at work through the real gateway,
 * each configured per service by property, in front of two real HTTP servers listed by
 * the simple discovery client; a third instance that discovery lists but that does not
 * answer its health check is never chosen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.gateway.rate-limit.enabled=false",
				"shop.loadbalancer.id-generator.strategy=consistent-hash",
				"shop.loadbalancer.inventory-service.strategy=weighted",
				"shop.loadbalancer.order-service.strategy=least-connections" })
@AutoConfigureWebTestClient(timeout = "20s")
class GatewayLoadBalancingTests {

	static final Queue<String> servedBy = new ConcurrentLinkedQueue<>();

	static final StubHttpServer first = backend("first");

	static final StubHttpServer second = backend("second");

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		String instances = "spring.cloud.discovery.client.simple.instances.";
		for (String service : List.of("id-generator", "inventory-service", "order-service")) {
			registry.add(instances + service + "[0].uri", first::url);
			registry.add(instances + service + "[1].uri", second::url);
		}
		registry.add(instances + "inventory-service[0].metadata.weight", () -> "3");
		// listed by discovery, but nothing listens there: the health check keeps it out
		registry.add(instances + "id-generator[2].uri", () -> "http://127.0.0.1:" + closedPort());
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
	}

	@BeforeEach
	void reset() {
		servedBy.clear();
	}

	@Test
	void consistentHashKeepsEachCustomerOnOneHealthyInstance() {
		Map<String, String> owner = new HashMap<>();
		for (int round = 0; round < 3; round++) {
			for (int customer = 0; customer < 20; customer++) {
				servedBy.clear();
				// every request succeeds: the dead third instance is never chosen; the
				// key
				// is the customer the token names (the gateway writes X-Customer-Id)
				String shopper = TestIdentity.shared().shopper("customer-" + customer);
				this.client.get()
					.uri("/api/ids")
					.headers((headers) -> headers.setBearerAuth(shopper))
					.exchange()
					.expectStatus()
					.isOk();
				String server = servedBy.remove();
				String previous = owner.putIfAbsent("customer-" + customer, server);
				assertThat(server).as("customer-%d, round %d", customer, round)
					.isEqualTo(owner.get("customer-" + customer));
				assertThat(previous).isIn(null, server);
			}
		}

		assertThat(owner.values()).contains("first", "second");
	}

	@Test
	void weightedSendsThreeQuartersToTheInstanceOfWeightThree() {
		for (int i = 0; i < 40; i++) {
			this.client.get().uri("/api/products").exchange().expectStatus().isOk();
		}

		assertThat(servedBy.stream().filter("first"::equals).count()).isEqualTo(30);
		assertThat(servedBy.stream().filter("second"::equals).count()).isEqualTo(10);
	}

	@Test
	void leastConnectionsSendsMostRequestsAwayFromTheSlowInstance() {
		// "first" answers orders in 1 s, "second" at once. 100 requests, 8 at a time:
		// round-robin would send 50 to each; least connections sees first's requests pile
		// up and sends the next ones to second, which keeps finishing its own
		WebClient concurrent = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
		List<String> answers = Flux.range(0, 100)
			.flatMap((i) -> concurrent.get()
				.uri("/api/orders")
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> response.statusCode().value() + " " + body)), 8)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(answers).hasSize(100).allSatisfy((answer) -> assertThat(answer).startsWith("200 "));
		long toSlow = servedBy.stream().filter("first"::equals).count();
		assertThat(toSlow).as("requests to the slow instance of 100").isLessThan(25);
	}

	private static StubHttpServer backend(String name) {
		return HealthyStubs.start((exchange) -> {
			if ("first".equals(name) && exchange.getRequestURI().getPath().startsWith("/api/orders")) {
				pause(1000);
			}
			servedBy.add(name);
			StubHttpServer.respond(exchange, 200, "{\"served-by\":\"" + name + "\"}");
		});
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
