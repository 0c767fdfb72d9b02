package org.dsmastery.ratelimiting;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Rate-limit rules kept in a Redis hash ({@value #DEFAULT_KEY} by default), one JSON
 * field per rule, so that every process deciding limits applies the same ones. Each
 * process matches against an in-memory copy refreshed periodically once {@link #start()
 * started}: a rule changed in Redis applies everywhere within one refresh interval, and a
 * Redis outage keeps the last rules instead of dropping them.
 * <p>
 * The stored JSON is the rate-limiter service's:
 * {@code {"id":"orders-free","route":"order-service","keyKind":"CUSTOMER","tier":"free","algorithm":"TOKEN_BUCKET","capacity":10,"ratePerSecond":2.0}}.
 */
public final class RedisRules implements AutoCloseable {

	/** The hash the rate-limiter service keeps its rules in. */
	public static final String DEFAULT_KEY = "rl:rules";

	private static final Logger logger = LoggerFactory.getLogger(RedisRules.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ReactiveStringRedisTemplate redis;

	private final String key;

	private final Duration refreshInterval;

	private volatile Map<String, Rule> rules = Map.of();

	private Disposable refresher;

	/**
	 * Creates rules read from a hash.
	 * @param redis the Redis connection
	 * @param key the hash
	 * @param refreshInterval how often the in-memory copy is reloaded
	 */
	public RedisRules(ReactiveStringRedisTemplate redis, String key, Duration refreshInterval) {
		this.redis = redis;
		this.key = key;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Starts reloading the rules now and every refresh interval.
	 * @return this
	 */
	public RedisRules start() {
		return start(List.of());
	}

	/**
	 * Starts reloading the rules now and every refresh interval, storing {@code defaults}
	 * first whenever the hash does not exist: on a fresh Redis, after a Redis restart
	 * without persistence, or once Redis answers at all.
	 * @param defaults the rules of a fresh Redis
	 * @return this
	 */
	public synchronized RedisRules start(Collection<Rule> defaults) {
		if (this.refresher == null) {
			List<Rule> seed = List.copyOf(defaults);
			this.refresher = Flux.interval(Duration.ZERO, this.refreshInterval)
				// a reload slower than the interval skips ticks instead of failing
				.onBackpressureDrop()
				.concatMap((tick) -> seedIfEmpty(seed).then(load()).onErrorResume((ex) -> {
					logger.warn("Could not reload rate-limit rules from {}, keeping the last ones: {}", this.key,
							ex.toString());
					return Mono.empty();
				}))
				.subscribe((loaded) -> this.rules = loaded);
		}
		return this;
	}

	/**
	 * Finds the most specific rule for a request in the in-memory copy.
	 * @param route the route
	 * @param keyKind what the caller is identified by
	 * @param tier the caller's tier
	 * @return the rule, if any applies
	 */
	public Optional<Rule> match(String route, KeyKind keyKind, String tier) {
		return this.rules.values()
			.stream()
			.filter((rule) -> rule.matches(route, keyKind, tier))
			.max(Comparator.comparingInt(Rule::specificity).thenComparing(Rule::id));
	}

	/**
	 * Reads every rule from Redis.
	 * @return the rules, sorted by id
	 */
	public Mono<List<Rule>> all() {
		return load().map((loaded) -> loaded.values().stream().sorted(Comparator.comparing(Rule::id)).toList());
	}

	/**
	 * Creates or replaces a rule; effective at once in this process.
	 * @param rule the rule
	 * @return the rule
	 */
	public Mono<Rule> save(Rule rule) {
		return this.redis.opsForHash().put(this.key, rule.id(), toJson(rule)).then(refresh()).thenReturn(rule);
	}

	/**
	 * Deletes a rule.
	 * @param id the rule
	 * @return whether it existed
	 */
	public Mono<Boolean> delete(String id) {
		return this.redis.opsForHash()
			.remove(this.key, id)
			.map((removed) -> removed > 0)
			.flatMap((removed) -> refresh().thenReturn(removed));
	}

	/**
	 * Stores rules if the hash does not exist yet, such as a fresh Redis's defaults.
	 * @param defaults the rules
	 * @return completion
	 */
	public Mono<Void> seedIfEmpty(Collection<Rule> defaults) {
		if (defaults.isEmpty()) {
			return Mono.empty();
		}
		return this.redis.hasKey(this.key)
			.flatMap((exists) -> exists ? Mono.empty()
					: Flux.fromIterable(defaults)
						.concatMap((rule) -> this.redis.opsForHash().putIfAbsent(this.key, rule.id(), toJson(rule)))
						.then());
	}

	/**
	 * Reloads the in-memory copy now.
	 * @return completion
	 */
	public Mono<Void> refresh() {
		return load().doOnNext((loaded) -> this.rules = loaded).then();
	}

	private Mono<Map<String, Rule>> load() {
		return this.redis.<String, String>opsForHash()
			.values(this.key)
			.map(RedisRules::fromJson)
			.collect(Collectors.toMap(Rule::id, Function.identity()));
	}

	static String toJson(Rule rule) {
		return JSON.writeValueAsString(new StoredRule(rule.id(), rule.route(), rule.keyKind(), rule.tier(),
				rule.limit().algorithm(), rule.limit().capacity(), rule.limit().ratePerSecond()));
	}

	static Rule fromJson(String json) {
		StoredRule stored = JSON.readValue(json, StoredRule.class);
		return new Rule(stored.id(), stored.route(), stored.keyKind(), stored.tier(),
				new Limit(stored.algorithm(), stored.capacity(), stored.ratePerSecond()));
	}

	@Override
	public synchronized void close() {
		if (this.refresher != null) {
			this.refresher.dispose();
			this.refresher = null;
		}
	}

	private record StoredRule(String id, String route, KeyKind keyKind, String tier, Algorithm algorithm, long capacity,
			double ratePerSecond) {
	}

}
