package org.dsmastery.gateway.ratelimit;

import org.dsmastery.ratelimiting.KeyKind;
import org.dsmastery.ratelimiting.Limit;
import org.dsmastery.ratelimiting.RuleBasedRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Decides in the gateway itself ({@code redis} mode) with libs/ratelimit: the rules the
 * rate-limiter service keeps in the Redis hash {@code rl:rules}, the same Lua scripts,
 * the same Redis keys. One hop less than {@code remote}, at the price of a gateway that
 * talks to Redis. Non-blocking: Lettuce's reactive API, no thread waits.
 */
class RedisRateLimitDecider implements RateLimitDecider {

	private final RuleBasedRateLimiter limiter;

	RedisRateLimitDecider(RuleBasedRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public Mono<Verdict> decide(String route, RateLimitKey caller, int permits) {
		return this.limiter.decide(route, KeyKind.valueOf(caller.keyKind()), caller.key(), permits).map((decided) -> {
			if (decided.rule() == null) {
				return Verdict.unlimited(decided.tier());
			}
			Limit limit = decided.rule().limit();
			long window = (long) Math.ceil(limit.capacity() / limit.ratePerSecond());
			return new Verdict(decided.decision().allowed(), decided.rule().id(), limit.capacity(), window,
					decided.decision().remaining(), decided.decision().retryAfter().toMillis(), false, decided.tier());
		});
	}

}
