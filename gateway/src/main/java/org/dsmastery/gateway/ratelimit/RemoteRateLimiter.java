package org.dsmastery.gateway.ratelimit;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks the rate-limiter service ({@code remote} mode, the default): one extra hop, and
 * the gateway needs no Redis of its own.
 */
class RemoteRateLimiter implements RateLimitDecider {

	private final WebClient client;

	RemoteRateLimiter(WebClient client) {
		this.client = client;
	}

	@Override
	public Mono<Verdict> decide(String route, RateLimitKey caller, int permits) {
		Map<String, Object> request = Map.of("route", route, "keyKind", caller.keyKind(), "key", caller.key(),
				"permits", permits);
		return this.client.post()
			.uri("/api/rate-limits/decisions")
			.bodyValue(request)
			.retrieve()
			.bodyToMono(RemoteDecision.class)
			.map(RemoteDecision::toVerdict);
	}

	/**
	 * The rate-limiter's answer.
	 */
	record RemoteDecision(boolean allowed, long remaining, long retryAfterMs, String ruleId, RemoteLimit limit,
			String tier) {

		Verdict toVerdict() {
			if (this.ruleId == null || this.limit == null) {
				return Verdict.unlimited(this.tier);
			}
			long window = (long) Math.ceil(this.limit.capacity() / this.limit.ratePerSecond());
			return new Verdict(this.allowed, this.ruleId, this.limit.capacity(), window, this.remaining,
					this.retryAfterMs, false, (this.tier != null) ? this.tier : Verdict.UNKNOWN_TIER);
		}

	}

	record RemoteLimit(String algorithm, long capacity, double ratePerSecond) {
	}

}
