package org.dsmastery.gateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import org.dsmastery.devstack.Infra;
import org.dsmastery.gateway.HealthyStubs;
import org.dsmastery.gateway.Prometheus;
import org.dsmastery.ratelimiting.KeyKind;
import org.dsmastery.ratelimiting.RedisRules;
import org.dsmastery.ratelimiting.Rule;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code redis} mode against a real Redis: the gateway reads the rules the rate-limiter
 * service keeps in {@code rl:rules}, decides with libs/ratelimit's Lua scripts in the
 * service's own keys, refuses with 429 past the capacity, and the runtime switch turns
 * limiting off and on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.gateway.rate-limit.mode=redis",
				"shop.gateway.rate-limit.rules-refresh=100ms",
				// generous for a cold test JVM; the platform keeps the 250 ms default
				"shop.gateway.rate-limit.timeout=3s" })
@UsesInfrastructure(Infra.REDIS)
@AutoConfigureWebTestClient
class GatewayRedisRateLimitTests {

	/** A rule as the rate-limiter service's rules API stores it. */
	static final String RULE = "{\"id\":\"ids-redis-test\",\"route\":\"id-generator\",\"keyKind\":\"CUSTOMER\","
			+ "\"tier\":\"*\",\"algorithm\":\"TOKEN_BUCKET\",\"capacity\":3,\"ratePerSecond\":0.01}";

	/** A rule for the {@code gold} tier only, more specific than {@link #RULE}. */
	static final String GOLD_RULE = "{\"id\":\"ids-redis-gold\",\"route\":\"id-generator\",\"keyKind\":\"CUSTOMER\","
			+ "\"tier\":\"gold\",\"algorithm\":\"TOKEN_BUCKET\",\"capacity\":7,\"ratePerSecond\":0.01}";

	static final StubHttpServer downstream = HealthyStubs
		.start((exchange) -> StubHttpServer.respond(exchange, 200, "{\"ids\":[\"1\"]}"));

	@Autowired
	WebTestClient client;

	@Autowired
	LettuceConnectionFactory rateLimitRedisConnectionFactory;

	@Autowired
	RedisRules rateLimitRules;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.id-generator[0].uri", downstream::url);
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@BeforeEach
	void storeTheRuleAndWaitForTheGatewayToLoadIt() {
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.rateLimitRedisConnectionFactory);
		redis.opsForHash().put("rl:rules", "ids-redis-test", RULE).block();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/api/ids")
				.headers((headers) -> headers
					.setBearerAuth(TestIdentity.shared().shopper("warm-up-" + UUID.randomUUID())))
				.exchange()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"ids-redis-test\";q=3;w=300"));
	}

	@Test
	void takesTheTierFromTheRegistryInRedisNotFromTheRequest() {
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.rateLimitRedisConnectionFactory);
		redis.opsForHash().put("rl:rules", "ids-redis-gold", GOLD_RULE).block();
		String customer = "customer-" + UUID.randomUUID();
		// the gateway's copy of the rules has the gold rule
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.rateLimitRules.match("id-generator", KeyKind.CUSTOMER, "gold")).get()
				.extracting(Rule::id)
				.isEqualTo("ids-redis-gold"));

		// claiming the tier changes nothing
		this.client.get()
			.uri("/api/ids")
			.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().shopper(customer)))
			.header("X-Client-Tier", "gold")
			.exchange()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"ids-redis-test\";q=3;w=300");

		// the rate-limiter's tiers API writes the registry; the gateway follows it
		redis.opsForHash().put("rl:rules:tiers", "CUSTOMER:" + customer, "gold").block();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> idsAs(customer).expectHeader()
				.valueEquals("RateLimit-Policy", "\"ids-redis-gold\";q=7;w=700"));
		redis.opsForHash().remove("rl:rules", "ids-redis-gold").block();
	}

	@Test
	void refusesPastTheCapacityWithHeadersInTheServicesKeys() {
		String customer = "customer-" + UUID.randomUUID();
		double allowed = decisions("free", "allowed");
		double rejected = decisions("free", "rejected");
		for (int i = 0; i < 3; i++) {
			idsAs(customer).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"ids-redis-test\";q=3;w=300")
				.expectHeader()
				.valueEquals("RateLimit", "\"ids-redis-test\";r=" + (2 - i) + ";t=0");
		}

		idsAs(customer).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.valueMatches("RateLimit", "\"ids-redis-test\";r=0;t=\\d+")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/rate-limited");

		// counted where the rate-limiter service counts: both modes share the buckets
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.rateLimitRedisConnectionFactory);
		assertThat(redis.hasKey("rl:{ids-redis-test:" + customer + "}:token_bucket").block()).isTrue();
		// decided in the gateway, by the tier the registry gives an unassigned caller
		assertThat(decisions("free", "allowed")).isEqualTo(allowed + 3);
		assertThat(decisions("free", "rejected")).isEqualTo(rejected + 1);
	}

	@Test
	void theRuntimeSwitchTurnsLimitingOffAndOn() {
		String customer = "customer-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			idsAs(customer).expectStatus().isOk();
		}
		idsAs(customer).expectStatus().isEqualTo(429);

		this.client.post()
			.uri("/actuator/ratelimit")
			.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"enabled\":false}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mode")
			.isEqualTo("redis")
			.jsonPath("$.enabled")
			.isEqualTo(false);
		try {
			double decided = decisions("free", "allowed") + decisions("free", "rejected");
			idsAs(customer).expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
			// let through undecided: not a decision
			assertThat(decisions("free", "allowed") + decisions("free", "rejected")).isEqualTo(decided);
		}
		finally {
			this.client.post()
				.uri("/actuator/ratelimit")
				.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"enabled\":true}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		idsAs(customer).expectStatus().isEqualTo(429);
	}

	private double decisions(String tier, String outcome) {
		return new Prometheus(new LocalHttp(this.port))
			.value("ratelimit_decisions_total", "tier=\"" + tier + "\"", "outcome=\"" + outcome + "\"")
			.orElse(0);
	}

	private WebTestClient.ResponseSpec idsAs(String customer) {
		return this.client.get()
			.uri("/api/ids")
			.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().shopper(customer)))
			.exchange();
	}

}
