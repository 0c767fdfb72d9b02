package org.dsmastery.gateway.resilience;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dsmastery.gateway.HealthyStubs;
import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, time limits and circuit-breaker fallbacks on the gateway's routes, against
 * HTTP stand-ins of the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.gateway.rate-limit.enabled=false",
				"shop.gateway.resilience.timeout=1s" })
@AutoConfigureWebTestClient(timeout = "10s")
class GatewayResilienceTests {

	static final AtomicInteger calls = new AtomicInteger();

	static final AtomicInteger failuresBeforeSuccess = new AtomicInteger();

	static final StubHttpServer flaky = HealthyStubs.start((exchange) -> {
		if (exchange.getRequestHeaders().containsKey("X-Slow")) {
			pause();
		}
		int call = calls.incrementAndGet();
		StubHttpServer.respond(exchange, (call <= failuresBeforeSuccess.get()) ? 502 : 200, "{\"call\":" + call + "}");
	});

	static final int closedPort = closedPort();

	@Autowired
	WebTestClient client;

	/**
	 * Every request is the operator's unless a test says otherwise: the gateway refuses
	 * requests without a valid token before routing them.
	 */
	@BeforeEach
	void asOperator() {
		this.client = this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
	}

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		String instances = "spring.cloud.discovery.client.simple.instances.";
		registry.add(instances + "id-generator[0].uri", flaky::url);
		registry.add(instances + "order-service[0].uri", flaky::url);
		for (String down : List.of("inventory-service", "payment-service", "saga-orchestrator")) {
			registry.add(instances + down + "[0].uri", () -> "http://127.0.0.1:" + closedPort);
		}
	}

	@AfterAll
	static void stop() {
		flaky.close();
	}

	@BeforeEach
	void reset() {
		calls.set(0);
		failuresBeforeSuccess.set(0);
	}

	@Test
	void retriesAnIdempotentRequestThatFailedWithBackoff() {
		failuresBeforeSuccess.set(2);

		this.client.get().uri("/api/ids").exchange().expectStatus().isOk().expectBody().jsonPath("$.call").isEqualTo(3);

		assertThat(calls.get()).isEqualTo(3);
	}

	@Test
	void neverRetriesAPost() {
		failuresBeforeSuccess.set(5);

		this.client.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(502);

		assertThat(calls.get()).isOne();
	}

	@ParameterizedTest
	@CsvSource({ "/api/products, inventory-service", "/api/payments/p-1, payment-service",
			"/api/accounts/7, payment-service", "/api/sagas/s-1, saga-orchestrator" })
	void answersAProblemWhenTheServiceIsDown(String path, String route) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(FallbackController.UPSTREAM_UNAVAILABLE.toString())
			.jsonPath("$.route")
			.isEqualTo(route);
	}

	@Test
	void answersAProblemWhenTheServiceIsTooSlow() {
		this.client.get()
			.uri("/api/ids")
			.header("X-Slow", "true")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("did not answer in time"));
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(2_500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
