package org.dsmastery.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * Routes through the real gateway to two instances of a downstream HTTP service that
 * discovery would list for {@code id-generator}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false",
				// these tests assert round-robin; the platform balances id-generator by
				// least connections
				"shop.loadbalancer.id-generator.strategy=round-robin" })
@AutoConfigureWebTestClient
class GatewayRoutingTests {

	private static final List<String> seen = new CopyOnWriteArrayList<>();

	private static final StubHttpServer first = downstream("first");

	private static final StubHttpServer second = downstream("second");

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

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	RouteRebuilds rebuilds;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		String prefix = "spring.cloud.discovery.client.simple.instances.id-generator";
		registry.add(prefix + "[0].uri", first::url);
		registry.add(prefix + "[1].uri", second::url);
		for (String service : List.of("payment-service", "saga-orchestrator")) {
			registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", first::url);
		}
	}

	@AfterAll
	static void stopDownstreams() {
		first.close();
		second.close();
	}

	@Test
	void routesIdRequestsToTheIdGeneratorWithPathAndQuery() {
		this.client.get()
			.uri("/api/ids?count=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("/api/ids?count=5"));
		this.client.get()
			.uri("/api/ids/12345")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("/api/ids/12345"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/accounts", "/api/accounts/7/balance", "/api/payments", "/api/payments/p-1",
			"/api/sagas", "/api/sagas/s-1" })
	void routesThePaymentAndSagaApis(String path) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"uri\":\"" + path + "\""));
	}

	@Test
	void balancesAcrossInstances() {
		seen.clear();
		for (int i = 0; i < 6; i++) {
			this.client.get().uri("/api/ids").exchange().expectStatus().isOk();
		}
		assertThat(seen).contains("first", "second");
	}

	@Test
	void answersUnknownPathsWith404() {
		this.client.get().uri("/api/nowhere").exchange().expectStatus().isNotFound();
	}

	@Test
	void rebuildsTheRoutesOnlyWhenAsked() {
		int before = this.rebuilds.count.get();
		// Eureka's registry fetch publishes these every 2 s; the routes resolve their
		// instances per request, so nothing needs rebuilding (ADR 0014)
		this.events.publishEvent(new HeartbeatEvent(this, 1L));
		this.events.publishEvent(new HeartbeatEvent(this, 2L));
		assertThat(this.rebuilds.count).hasValue(before);

		// what POST /actuator/gateway/refresh publishes where that endpoint is writable
		this.events.publishEvent(new RefreshRoutesEvent(this));
		assertThat(this.rebuilds.count).hasValue(before + 1);
		this.client.get().uri("/api/ids").exchange().expectStatus().isOk();
	}

	@Test
	void listsTheLiveRoutesReadOnly() {
		this.client.get()
			.uri("/actuator/gateway/routes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"route_id\":\"id-generator\"", "lb://id-generator"));
		this.client.post().uri("/actuator/gateway/refresh").exchange().expectStatus().is4xxClientError();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RouteRebuilds {

		final AtomicInteger count = new AtomicInteger();

		@EventListener
		void onRefresh(RefreshRoutesEvent event) {
			this.count.incrementAndGet();
		}

	}

	/**
	 * OWASP API4 at the edge: the gateway streams a body on without decoding it, so it
	 * bounds it itself (shop.web.max-request-body-size, 256 KB), declared or chunked,
	 * before the service it routes to spends anything on it.
	 */
	@Test
	void refusesABodyOverTheLimitBeforeRoutingIt(@LocalServerPort int port) {
		LocalHttp http = new LocalHttp(port, TestIdentity.shared().admin());
		byte[] big = ("{\"note\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		int before = seen.size();

		HttpResponse<String> declared = http.send(http.request("/api/payments")
			.POST(BodyPublishers.ofByteArray(big))
			.header("Content-Type", "application/json"));
		assertProblem(declared, 413, "request-too-large", "Request too large");
		assertThat(seen).as("requests that reached a service").hasSize(before);

		// no Content-Length: the JDK client sends it chunked, and it is cut off as it
		// streams
		HttpResponse<String> chunked = http.send(http.request("/api/payments")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.header("Content-Type", "application/json"));
		assertProblem(chunked, 413, "request-too-large", "Request too large");

		HttpResponse<String> small = http.send(http.request("/api/payments")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
			.header("Content-Type", "application/json"));
		assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
	}

	private static StubHttpServer downstream(String name) {
		return HealthyStubs.start((exchange) -> {
			seen.add(name);
			StubHttpServer.respond(exchange, 200,
					"{\"served-by\":\"" + name + "\",\"uri\":\"" + exchange.getRequestURI() + "\"}");
		});
	}

}
