package org.dsmastery.gateway.ratelimit;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Puts a short timeout and a circuit breaker around the decider; when it cannot answer,
 * the local fallback buckets decide, so the gateway neither fails closed (refusing
 * everyone) nor open (limiting no one).
 */
class GuardedRateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(GuardedRateLimiter.class);

	private final RateLimitDecider decider;

	private final Duration timeout;

	private final CircuitBreaker circuitBreaker;

	private final LocalFallbackBuckets fallback;

	GuardedRateLimiter(RateLimitDecider decider, Duration timeout, CircuitBreaker circuitBreaker,
			LocalFallbackBuckets fallback) {
		this.decider = decider;
		this.timeout = timeout;
		this.circuitBreaker = circuitBreaker;
		this.fallback = fallback;
	}

	/**
	 * Decides, or lets the local fallback decide one permit.
	 * @param route the route
	 * @param caller who calls
	 * @param permits how many permits
	 * @return the verdict; from the fallback it is for one permit, whatever was asked
	 */
	Mono<Verdict> decide(String route, RateLimitKey caller, int permits) {
		return this.decider.decide(route, caller, permits)
			.timeout(this.timeout)
			.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
			.onErrorResume((ex) -> {
				logger.debug("Rate-limit decision unavailable ({}); the local fallback decides", ex.toString());
				return Mono.just(this.fallback.decide(route + ":" + caller.keyKind() + ":" + caller.key()));
			});
	}

}
