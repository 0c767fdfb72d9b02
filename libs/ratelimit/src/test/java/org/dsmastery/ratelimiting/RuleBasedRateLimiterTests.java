package org.dsmastery.ratelimiting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules read from the Redis hash the rate-limiter service writes, and decisions under
 * them, against a real Redis.
 */
class RuleBasedRateLimiterTests {

	/** Exactly what the rate-limiter service stores for its {@code orders-free} rule. */
	static final String SERVICE_JSON = "{\"id\":\"orders-free\",\"route\":\"order-service\",\"keyKind\":\"CUSTOMER\","
			+ "\"tier\":\"free\",\"algorithm\":\"TOKEN_BUCKET\",\"capacity\":10,\"ratePerSecond\":2.0}";

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		Map<String, String> properties = TestInfrastructure.shared().springProperties(Set.of(Infra.REDIS), null);
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
				properties.get("spring.data.redis.host"), Integer.parseInt(properties.get("spring.data.redis.port"))));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		redis = new ReactiveStringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Test
	void readsAndWritesTheRateLimiterServicesJson() {
		Rule rule = RedisRules.fromJson(SERVICE_JSON);

		assertThat(rule)
			.isEqualTo(new Rule("orders-free", "order-service", KeyKind.CUSTOMER, "free", Limit.tokenBucket(10, 2)));
		assertThat(RedisRules.toJson(rule)).isEqualTo(SERVICE_JSON);
	}

	@Test
	void picksTheMostSpecificRuleAndFollowsChangesInRedis() {
		String key = "rules-" + UUID.randomUUID();
		try (RedisRules rules = new RedisRules(redis, key, Duration.ofMillis(100))) {
			rules.seedIfEmpty(List.of(new Rule("any-ip", Rule.ANY, KeyKind.IP, Rule.ANY, Limit.tokenBucket(100, 50)),
					new Rule("orders-ip", "order-service", KeyKind.IP, Rule.ANY, Limit.tokenBucket(5, 1))))
				.block();
			rules.start();

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(rules.match("order-service", KeyKind.IP, "free")).get()
					.extracting(Rule::id)
					.isEqualTo("orders-ip"));
			assertThat(rules.match("id-generator", KeyKind.IP, "free")).get().extracting(Rule::id).isEqualTo("any-ip");
			assertThat(rules.match("id-generator", KeyKind.CUSTOMER, "free")).isEmpty();

			// another process (the rate-limiter's rules API) changes the hash
			redis.opsForHash().remove(key, "orders-ip").block();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(rules.match("order-service", KeyKind.IP, "free")).get()
					.extracting(Rule::id)
					.isEqualTo("any-ip"));
		}
	}

	/**
	 * A Redis that an older version wrote (rules and tiers by {@code API_KEY}, before the
	 * caller came from a token) still loads: what cannot be read is skipped, the rest
	 * applies.
	 */
	@Test
	void skipsStoredRulesAndTiersOfAKeyKindThisVersionDoesNotKnow() {
		String key = "rules-" + UUID.randomUUID();
		redis.opsForHash()
			.putAll(key,
					Map.of("old", SERVICE_JSON.replace("\"CUSTOMER\"", "\"API_KEY\"").replace("orders-free", "old"),
							"orders-free", SERVICE_JSON))
			.block();
		redis.opsForHash().putAll(key + ":tiers", Map.of("API_KEY:perf", "internal", "CUSTOMER:42", "pro")).block();
		try (RedisRules rules = new RedisRules(redis, key, Duration.ofMillis(100))) {
			rules.start();

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(rules.match("order-service", KeyKind.CUSTOMER, "free")).get()
					.extracting(Rule::id)
					.isEqualTo("orders-free"));
			assertThat(rules.all().block()).extracting(Rule::id).containsExactly("orders-free");
			assertThat(rules.tierOf(KeyKind.CUSTOMER, "42")).isEqualTo("pro");
			assertThat(rules.tiers().block()).containsExactly(new TierAssignment(KeyKind.CUSTOMER, "42", "pro"));
		}
	}

	@Test
	void takesTheTierFromTheRegistryNotFromTheCaller() {
		String hash = "rules-" + UUID.randomUUID();
		String apiKey = "key-" + UUID.randomUUID();
		try (RedisRules rules = new RedisRules(redis, hash, Duration.ofMillis(100))) {
			rules.start(List.of(), List.of(new TierAssignment(KeyKind.CLIENT, "seeded", "internal")));

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(rules.tierOf(KeyKind.CLIENT, "seeded")).isEqualTo("internal"));
			assertThat(rules.tierOf(KeyKind.CLIENT, apiKey)).isEqualTo(RedisRules.DEFAULT_TIER);

			// effective at once in the process that assigns it
			rules.assign(new TierAssignment(KeyKind.CLIENT, apiKey, "pro")).block();
			assertThat(rules.tierOf(KeyKind.CLIENT, apiKey)).isEqualTo("pro");
			// per key kind: a customer with the same id is a different caller
			assertThat(rules.tierOf(KeyKind.CUSTOMER, apiKey)).isEqualTo(RedisRules.DEFAULT_TIER);
			assertThat(rules.tiers().block()).containsExactly(new TierAssignment(KeyKind.CLIENT, apiKey, "pro"),
					new TierAssignment(KeyKind.CLIENT, "seeded", "internal"));

			// another process (the rate-limiter's tiers API) takes it away
			redis.opsForHash().remove(hash + ":tiers", "CLIENT:" + apiKey).block();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(rules.tierOf(KeyKind.CLIENT, apiKey)).isEqualTo(RedisRules.DEFAULT_TIER));
			assertThat(rules.unassign(KeyKind.CLIENT, "seeded").block()).isTrue();
			assertThat(rules.unassign(KeyKind.CLIENT, "seeded").block()).isFalse();
			assertThat(rules.tierOf(KeyKind.CLIENT, "seeded")).isEqualTo(RedisRules.DEFAULT_TIER);
			// the registry is empty now, and Redis dropped the hash: the seeded tier
			// stays gone through the next reload, the one that shows another process's
			// new rule
			try (RedisRules otherProcess = new RedisRules(redis, hash, Duration.ofMinutes(1))) {
				otherProcess.save(new Rule("reloaded", "order-service", KeyKind.IP, "free", Limit.tokenBucket(2, 0.01)))
					.block();
			}
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(rules.match("order-service", KeyKind.IP, "free")).get()
					.extracting(Rule::id)
					.isEqualTo("reloaded"));
			assertThat(rules.tiers().block()).isEmpty();
			assertThat(rules.tierOf(KeyKind.CLIENT, "seeded")).isEqualTo(RedisRules.DEFAULT_TIER);
		}
	}

	@Test
	void decidesUnderTheRuleInTheServicesRedisKeys() {
		String hash = "rules-" + UUID.randomUUID();
		String customer = "customer-" + UUID.randomUUID();
		RedisRules rules = new RedisRules(redis, hash, Duration.ofSeconds(1));
		try (RedisRateLimiter redisLimiter = new RedisRateLimiter(
				(RedisClient) connectionFactory.getRequiredNativeClient(), "rl:")) {
			await().atMost(Duration.ofSeconds(10)).until(redisLimiter::connected);
			RuleBasedRateLimiter limiter = new RuleBasedRateLimiter(rules, redisLimiter);
			rules.save(new Rule("orders-two", "order-service", KeyKind.CUSTOMER, "free", Limit.tokenBucket(2, 0.01)))
				.block();

			List<Boolean> allowed = List.of(
					limiter.decide("order-service", KeyKind.CUSTOMER, customer, 1).block().allowed(),
					limiter.decide("order-service", KeyKind.CUSTOMER, customer, 1).block().allowed(),
					limiter.decide("order-service", KeyKind.CUSTOMER, customer, 1).block().allowed());
			RuleDecision unruled = limiter.decide("id-generator", KeyKind.CUSTOMER, customer, 1).block();

			assertThat(allowed).containsExactly(true, true, false);
			assertThat(unruled.rule()).isNull();
			assertThat(unruled.allowed()).isTrue();
		}
		// the same key the rate-limiter service counts in:
		// rl:{<rule>:<caller>}:token_bucket
		assertThat(redis.hasKey("rl:{orders-two:" + customer + "}:token_bucket").block()).isTrue();
	}

}
