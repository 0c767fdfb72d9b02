package org.dsmastery.gateway.ratelimit;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks the rate-limiter service, behind a short timeout and a circuit breaker; when it
 * cannot answer, the local fallback buckets decide, so the gateway neither fails closed
 * (refusing everyone) nor open (limiting no one).
 */
class RemoteRateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(RemoteRateLimiter.class);

	private final WebClient client;

	private final RateLimitProperties properties;

	private final CircuitBreaker circuitBreaker;

	private final LocalFallbackBuckets fallback;

	RemoteRateLimiter(WebClient client, RateLimitProperties properties, CircuitBreaker circuitBreaker,
			LocalFallbackBuckets fallback) {
		this.client = client;
		this.properties = properties;
		this.circuitBreaker = circuitBreaker;
		this.fallback = fallback;
	}

	Mono<Verdict> decide(String route, Caller caller) {
		Map<String, Object> request = Map.of("route", route, "keyKind", caller.keyKind(), "key", caller.key(), "tier",
				caller.tier());
		return this.client.post()
			.uri("/api/rate-limits/decisions")
			.bodyValue(request)
			.retrieve()
			.bodyToMono(RemoteDecision.class)
			.timeout(this.properties.timeout())
			.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
			.map(RemoteDecision::toVerdict)
			.onErrorResume((ex) -> {
				logger.debug("Rate-limiter unavailable ({}); the local fallback decides", ex.toString());
				return Mono.just(this.fallback.decide(route + ":" + caller.keyKind() + ":" + caller.key()));
			});
	}

	/**
	 * The rate-limiter's answer.
	 */
	record RemoteDecision(boolean allowed, long remaining, long retryAfterMs, String ruleId, RemoteLimit limit) {

		Verdict toVerdict() {
			if (this.ruleId == null || this.limit == null) {
				return Verdict.unlimited();
			}
			long window = (long) Math.ceil(this.limit.capacity() / this.limit.ratePerSecond());
			return new Verdict(this.allowed, this.ruleId, this.limit.capacity(), window, this.remaining,
					this.retryAfterMs, false);
		}

	}

	record RemoteLimit(String algorithm, long capacity, double ratePerSecond) {
	}

}
