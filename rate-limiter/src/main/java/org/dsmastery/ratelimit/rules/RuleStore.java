package org.dsmastery.ratelimit.rules;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dsmastery.ratelimiting.Algorithm;
import org.dsmastery.ratelimiting.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules, kept in the Redis hash {@value #KEY} so that every rate-limiter instance
 * applies the same ones; each instance decides from an in-memory copy refreshed every
 * second, so a rule changed through the API applies everywhere within a second.
 */
@Component
public class RuleStore implements InitializingBean, DisposableBean {

	static final String KEY = "rl:rules";

	private static final Logger logger = LoggerFactory.getLogger(RuleStore.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<Rule> DEFAULTS = List.of(
			new Rule("default-ip", Rule.ANY, KeyKind.IP, Rule.ANY, Limit.tokenBucket(100, 50)),
			new Rule("default-api-key", Rule.ANY, KeyKind.API_KEY, Rule.ANY,
					Limit.slidingWindow(600, Duration.ofMinutes(1))),
			new Rule("orders-free", "order-service", KeyKind.CUSTOMER, "free", Limit.tokenBucket(10, 2)),
			new Rule("orders-pro", "order-service", KeyKind.CUSTOMER, "pro", Limit.tokenBucket(100, 20)),
			// the platform's own tests and benchmarks
			new Rule("internal", Rule.ANY, KeyKind.API_KEY, "internal", Limit.tokenBucket(1_000_000, 1_000_000)));

	private final ReactiveStringRedisTemplate redis;

	private volatile Map<String, Rule> rules = Map.of();

	private Disposable refresher;

	RuleStore(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void afterPropertiesSet() {
		this.refresher = Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
			// a refresh slower than a second skips ticks instead of failing the interval
			.onBackpressureDrop()
			.concatMap((tick) -> seedIfEmpty().then(load()).onErrorResume((ex) -> {
				logger.warn("Could not refresh rate-limit rules, keeping the last ones: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe((loaded) -> this.rules = loaded);
	}

	/**
	 * Finds the most specific rule for a request.
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

	public Mono<List<Rule>> all() {
		return load().map((loaded) -> loaded.values().stream().sorted(Comparator.comparing(Rule::id)).toList());
	}

	/**
	 * Creates or replaces a rule, effective at once on this instance.
	 * @param rule the rule
	 * @return the rule
	 */
	public Mono<Rule> save(Rule rule) {
		return this.redis.opsForHash()
			.put(KEY, rule.id(), JSON.writeValueAsString(RuleJson.of(rule)))
			.then(refreshNow())
			.thenReturn(rule);
	}

	/**
	 * Deletes a rule.
	 * @param id the rule
	 * @return whether it existed
	 */
	public Mono<Boolean> delete(String id) {
		return this.redis.opsForHash()
			.remove(KEY, id)
			.map((removed) -> removed > 0)
			.flatMap((removed) -> refreshNow().thenReturn(removed));
	}

	private Mono<Void> refreshNow() {
		return load().doOnNext((loaded) -> this.rules = loaded).then();
	}

	private Mono<Void> seedIfEmpty() {
		return this.redis.hasKey(KEY)
			.flatMap((exists) -> exists ? Mono.empty()
					: Flux.fromIterable(DEFAULTS)
						.concatMap((rule) -> this.redis.opsForHash()
							.putIfAbsent(KEY, rule.id(), JSON.writeValueAsString(RuleJson.of(rule))))
						.then());
	}

	private Mono<Map<String, Rule>> load() {
		return this.redis.<String, String>opsForHash()
			.values(KEY)
			.map((json) -> JSON.readValue(json, RuleJson.class).toRule())
			.collect(Collectors.toMap(Rule::id, Function.identity()));
	}

	@Override
	public void destroy() {
		if (this.refresher != null) {
			this.refresher.dispose();
		}
	}

	/**
	 * A rule as stored in Redis.
	 */
	public record RuleJson(String id, String route, KeyKind keyKind, String tier, Algorithm algorithm, long capacity,
			double ratePerSecond) {

		public static RuleJson of(Rule rule) {
			return new RuleJson(rule.id(), rule.route(), rule.keyKind(), rule.tier(), rule.limit().algorithm(),
					rule.limit().capacity(), rule.limit().ratePerSecond());
		}

		Rule toRule() {
			return new Rule(this.id, this.route, this.keyKind, this.tier,
					new Limit(this.algorithm, this.capacity, this.ratePerSecond));
		}

	}

}
