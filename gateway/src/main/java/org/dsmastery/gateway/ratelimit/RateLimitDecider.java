package org.dsmastery.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Where the limits are decided: the rate-limiter service ({@code remote} mode) or Redis
 * directly ({@code redis} mode). A decider may fail or be slow;
 * {@link GuardedRateLimiter} puts the time limit, the circuit breaker and the local
 * fallback around it.
 */
interface RateLimitDecider {

	/**
	 * Decides one request.
	 * @param route the gateway route
	 * @param caller who calls
	 * @param permits how many permits: 1 for the request, more for a lease
	 * @return the verdict, or an error when the decider cannot answer
	 */
	Mono<Verdict> decide(String route, RateLimitKey caller, int permits);

}
