package org.dsmastery.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.dsmastery.gateway.HealthyStubs;
import org.dsmastery.gateway.Prometheus;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway asks a rate-limiter (an HTTP stand-in answering as the service does) before
 * routing, and falls back to local buckets when it cannot. Each decision counts in
 * {@code ratelimit_decisions_total} by the tier the rate-limiter answered and the
 * outcome; the rate-limiter's circuit breaker and the calls to it show in
 * {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.gateway.rate-limit.fallback-capacity=3",
				"shop.gateway.rate-limit.fallback-rate-per-second=0.01",
				// generous for a cold test JVM; the platform keeps the 250 ms default
				"shop.gateway.rate-limit.timeout=3s" })
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRateLimitTests {

	static final String ALLOWED = "{\"allowed\":true,\"remaining\":9,\"retryAfterMs\":0,\"ruleId\":\"orders-free\","
			+ "\"limit\":{\"algorithm\":\"TOKEN_BUCKET\",\"capacity\":10,\"ratePerSecond\":2.0},\"tier\":\"free\"}";

	static final String REFUSED = "{\"allowed\":false,\"remaining\":0,\"retryAfterMs\":1500,\"ruleId\":\"orders-free\","
			+ "\"limit\":{\"algorithm\":\"TOKEN_BUCKET\",\"capacity\":10,\"ratePerSecond\":2.0},\"tier\":\"pro\"}";

	static final AtomicReference<String> decision = new AtomicReference<>(ALLOWED);

	static final List<String> asked = new CopyOnWriteArrayList<>();

	static final List<String> askedWith = new CopyOnWriteArrayList<>();

	static final StubHttpServer rateLimiter = HealthyStubs.start((exchange) -> {
		asked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		askedWith.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String answer = decision.get();
		StubHttpServer.respond(exchange, (answer == null) ? 500 : 200, (answer == null) ? "{}" : answer);
	});

	static final StubHttpServer downstream = HealthyStubs
		.start((exchange) -> StubHttpServer.respond(exchange, 200, "{\"ids\":[\"1\"]}"));

	private static final TestIdentity IDENTITY = TestIdentity.shared();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.rate-limiter[0].uri", rateLimiter::url);
		registry.add("spring.cloud.discovery.client.simple.instances.id-generator[0].uri", downstream::url);
	}

	@AfterAll
	static void stop() {
		rateLimiter.close();
		downstream.close();
	}

	@BeforeEach
	void reset() {
		decision.set(ALLOWED);
		asked.clear();
		askedWith.clear();
	}

	@Test
	@Order(1)
	void passesAnAllowedRequestWithRateLimitHeaders() {
		double allowedFree = decisions("free", "allowed");

		this.client.get()
			.uri("/api/ids")
			.headers((headers) -> headers.setBearerAuth(IDENTITY.shopper("42")))
			// claims the gateway ignores: the token names the customer, the
			// rate-limiter's
			// tier registry decides the tier
			.header("X-Customer-Id", "43")
			.header("X-Client-Tier", "internal")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"orders-free\";q=10;w=5")
			.expectHeader()
			.valueEquals("RateLimit", "\"orders-free\";r=9;t=0");

		assertThat(asked).singleElement()
			.satisfies((body) -> assertThat(body)
				.contains("\"route\":\"id-generator\"", "\"keyKind\":\"CUSTOMER\"", "\"key\":\"42\"")
				.doesNotContain("tier"));
		// with the gateway's own token (client credentials, scope internal), never the
		// shopper's
		assertThat(askedWith).singleElement()
			.satisfies((authorization) -> assertThat(claims(authorization)).contains("\"sub\":\"shop-services\"",
					"\"scope\":\"internal\""));
		assertThat(decisions("free", "allowed")).isEqualTo(allowedFree + 1);
		// the call to the rate-limiter is an observed HTTP client call
		assertThat(prometheus()
			.value("http_client_requests_seconds_count", "client_name=\"rate-limiter\"",
					"uri=\"/api/rate-limits/decisions\"", "method=\"POST\"", "status=\"200\"", "outcome=\"SUCCESS\"")
			.orElse(0)).isGreaterThanOrEqualTo(1);
	}

	@Test
	@Order(2)
	void refusesWith429RetryAfterAndAProblem() {
		decision.set(REFUSED);
		double rejectedPro = decisions("pro", "rejected");

		this.client.get()
			.uri("/api/ids")
			.headers((headers) -> headers.setBearerAuth(client("key-1")))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "2")
			.expectHeader()
			.valueMatches("traceparent", "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/rate-limited");
		assertThat(decisions("pro", "rejected")).isEqualTo(rejectedPro + 1);
	}

	@Test
	@Order(3)
	void fallsBackToLocalBucketsAndOpensTheCircuitWhenTheRateLimiterFails() {
		decision.set(null);
		double allowedUnknown = decisions("unknown", "allowed");
		double rejectedUnknown = decisions("unknown", "rejected");
		assertThat(circuitBreaker("closed")).isEqualTo(1);

		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/api/ids")
				.headers((headers) -> headers.setBearerAuth(client("fallback-key")))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueMatches("RateLimit-Policy", "\"gateway-fallback\";q=3;w=\\d+");
		}
		this.client.get()
			.uri("/api/ids")
			.headers((headers) -> headers.setBearerAuth(client("fallback-key")))
			.exchange()
			.expectStatus()
			.isEqualTo(429);
		this.client.get()
			.uri("/api/ids")
			.headers((headers) -> headers.setBearerAuth(client("another-key")))
			.exchange()
			.expectStatus()
			.isOk();
		// after a few failures the circuit opened: the failing rate-limiter is no longer
		// asked
		assertThat(asked).hasSizeLessThan(5);
		// the local fallback decided without the registry: tier unknown
		assertThat(decisions("unknown", "allowed")).isEqualTo(allowedUnknown + 4);
		assertThat(decisions("unknown", "rejected")).isEqualTo(rejectedUnknown + 1);
		assertThat(circuitBreaker("open")).isEqualTo(1);
		assertThat(circuitBreaker("closed")).isZero();
	}

	private static String claims(String authorization) {
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
	}

	/**
	 * A client-credentials token of a client: the limits count it by its client id.
	 */
	private static String client(String clientId) {
		return IDENTITY
			.token((claims) -> claims.subject(clientId).claim("client_id", clientId).claim("scope", "admin"));
	}

	private Prometheus prometheus() {
		return new Prometheus(new LocalHttp(this.port));
	}

	private double decisions(String tier, String outcome) {
		return prometheus().value("ratelimit_decisions_total", "tier=\"" + tier + "\"", "outcome=\"" + outcome + "\"")
			.orElse(0);
	}

	private double circuitBreaker(String state) {
		return prometheus()
			.value("resilience4j_circuitbreaker_state", "name=\"rate-limiter\"", "state=\"" + state + "\"")
			.orElseThrow();
	}

}
