package org.dsmastery.ratelimiting;

import reactor.core.publisher.Mono;

/**
 * Decides a request the way the rate-limiter service does: the most specific rule of
 * {@link RedisRules} for the caller's tier in its registry applies, counted in Redis
 * under {@code <rule id>:<key>}. Any process that uses it with the same prefix shares the
 * same buckets as the service, so callers may switch between asking the service and
 * deciding in-process without resetting anyone's limits.
 */
public final class RuleBasedRateLimiter {

	private final RedisRules rules;

	private final RedisRateLimiter limiter;

	/**
	 * Creates a limiter.
	 * @param rules the rules
	 * @param limiter the algorithms in Redis
	 */
	public RuleBasedRateLimiter(RedisRules rules, RedisRateLimiter limiter) {
		this.rules = rules;
		this.limiter = limiter;
	}

	/**
	 * Decides a request.
	 * @param route the route called
	 * @param keyKind what identifies the caller
	 * @param key the caller: a client id, a customer id, an IP address
	 * @param permits how many permits
	 * @return the decision; unlimited when no rule applies
	 */
	public Mono<RuleDecision> decide(String route, KeyKind keyKind, String key, int permits) {
		String tier = this.rules.tierOf(keyKind, key);
		return this.rules.match(route, keyKind, tier)
			.map((rule) -> this.limiter.acquire(rule.id() + ":" + key, rule.limit(), permits)
				.map((decision) -> new RuleDecision(rule, decision, tier)))
			.orElseGet(() -> Mono.just(RuleDecision.unlimited(tier)));
	}

}
