package org.dsmastery.ratelimit.rules;

import java.time.Duration;
import java.util.List;

import org.dsmastery.ratelimiting.Algorithm;
import org.dsmastery.ratelimiting.KeyKind;
import org.dsmastery.ratelimiting.Limit;
import org.dsmastery.ratelimiting.RedisRateLimiter;
import org.dsmastery.ratelimiting.RedisRules;
import org.dsmastery.ratelimiting.Rule;
import org.dsmastery.ratelimiting.RuleBasedRateLimiter;
import org.dsmastery.ratelimiting.TierAssignment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The rules, kept in the Redis hash {@value #KEY}, and the callers' tiers, in
 * {@code rl:rules:tiers}, so that every rate-limiter instance (and a gateway in
 * {@code redis} mode) applies the same ones; each instance decides from an in-memory copy
 * refreshed every second ({@link RedisRules} of libs/ratelimit), so a rule or a tier
 * changed through the API applies everywhere within a second. A Redis without the hashes
 * gets the {@link #DEFAULTS} and the {@link #DEFAULT_TIERS}.
 */
@Component
public class RuleStore {

	static final String KEY = RedisRules.DEFAULT_KEY;

	static final List<Rule> DEFAULTS = List.of(
			// callers without a token: the catalogue, at a pace a person browses
			new Rule("default-ip", Rule.ANY, KeyKind.IP, Rule.ANY, Limit.tokenBucket(30, 10)),
			new Rule("default-client", Rule.ANY, KeyKind.CLIENT, Rule.ANY,
					Limit.slidingWindow(600, Duration.ofMinutes(1))),
			new Rule("orders-free", "order-service", KeyKind.CUSTOMER, "free", Limit.tokenBucket(10, 2)),
			new Rule("orders-pro", "order-service", KeyKind.CUSTOMER, "pro", Limit.tokenBucket(100, 20)),
			// the platform's own clients (the operator's, the services'), which its tests
			// and benchmarks use
			new Rule("internal", Rule.ANY, KeyKind.CLIENT, "internal", Limit.tokenBucket(1_000_000, 1_000_000)));

	/**
	 * The platform's own OAuth2 clients, in the {@code internal} tier: the operator's
	 * ({@code shop-admin}, which the end-to-end tests and the benchmarks use too) and the
	 * services' ({@code shop-services}). Every other caller is
	 * {@value RedisRules#DEFAULT_TIER} until the tiers API says otherwise.
	 */
	static final List<TierAssignment> DEFAULT_TIERS = List.of(
			new TierAssignment(KeyKind.CLIENT, "shop-admin", "internal"),
			new TierAssignment(KeyKind.CLIENT, "shop-services", "internal"));

	private final RedisRules rules;

	RuleStore(RedisRules rules) {
		this.rules = rules;
	}

	/**
	 * Lists every rule, read from Redis now.
	 * @return the rules, by id
	 */
	public Mono<List<Rule>> all() {
		return this.rules.all();
	}

	/**
	 * Creates or replaces a rule, effective at once on this instance.
	 * @param rule the rule
	 * @return the rule
	 */
	public Mono<Rule> save(Rule rule) {
		return this.rules.save(rule);
	}

	/**
	 * Deletes a rule.
	 * @param id the rule
	 * @return whether it existed
	 */
	public Mono<Boolean> delete(String id) {
		return this.rules.delete(id);
	}

	/**
	 * Returns a decider that applies these rules and tiers the way every user of
	 * libs/ratelimit does, counting in {@code limiter}.
	 * @param limiter the algorithms in Redis
	 * @return the decider
	 */
	public RuleBasedRateLimiter decider(RedisRateLimiter limiter) {
		return new RuleBasedRateLimiter(this.rules, limiter);
	}

	/**
	 * A caller's tier, from the in-memory copy.
	 * @param keyKind what the caller is identified by
	 * @param key the client id, customer id or IP address
	 * @return its tier, or {@value RedisRules#DEFAULT_TIER} if it has none
	 */
	public String tierOf(KeyKind keyKind, String key) {
		return this.rules.tierOf(keyKind, key);
	}

	/**
	 * Lists every caller that has a tier, read from Redis now.
	 * @return the assignments
	 */
	public Mono<List<TierAssignment>> tiers() {
		return this.rules.tiers();
	}

	/**
	 * Gives a caller a tier, effective at once on this instance.
	 * @param assignment the caller and its tier
	 * @return the assignment
	 */
	public Mono<TierAssignment> assign(TierAssignment assignment) {
		return this.rules.assign(assignment);
	}

	/**
	 * Takes a caller's tier away.
	 * @param keyKind what the caller is identified by
	 * @param key the client id, customer id or IP address
	 * @return whether it had one
	 */
	public Mono<Boolean> unassign(KeyKind keyKind, String key) {
		return this.rules.unassign(keyKind, key);
	}

	/**
	 * A rule as the rules API shows it (the same fields Redis stores).
	 *
	 * @param id the rule
	 * @param route the route it applies to, or {@code *}
	 * @param keyKind what identifies the caller
	 * @param tier the tier it applies to, or {@code *}
	 * @param algorithm the algorithm
	 * @param capacity the burst
	 * @param ratePerSecond the sustained rate
	 */
	public record RuleJson(String id, String route, KeyKind keyKind, String tier, Algorithm algorithm, long capacity,
			double ratePerSecond) {

		public static RuleJson of(Rule rule) {
			return new RuleJson(rule.id(), rule.route(), rule.keyKind(), rule.tier(), rule.limit().algorithm(),
					rule.limit().capacity(), rule.limit().ratePerSecond());
		}

	}

}
