package org.dsmastery.ratelimit.decision;

import java.util.List;

import org.dsmastery.ratelimit.rules.RuleStore;
import org.dsmastery.ratelimiting.KeyKind;
import org.dsmastery.ratelimiting.RedisRateLimiter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Decides requests: finds the most specific rule for the caller's tier, as the tier
 * registry has it, and asks Redis for the permits. A request that no rule covers is
 * allowed.
 */
@Service
class DecisionService {

	private final RuleStore rules;

	private final RedisRateLimiter limiter;

	DecisionService(RuleStore rules, RedisRateLimiter limiter) {
		this.rules = rules;
		this.limiter = limiter;
	}

	Mono<DecisionResponse> decide(DecisionRequest request) {
		KeyKind kind = request.keyKind();
		String tier = this.rules.tierOf(kind, request.key());
		int permits = (request.permits() != null) ? request.permits() : 1;
		return this.rules.match(request.route(), kind, tier)
			.map((rule) -> this.limiter.acquire(rule.id() + ":" + request.key(), rule.limit(), permits)
				.map((decision) -> DecisionResponse.of(decision, rule, tier)))
			.orElseGet(() -> Mono.just(DecisionResponse.unlimited(tier)));
	}

	Flux<DecisionResponse> decideAll(List<DecisionRequest> requests) {
		return Flux.fromIterable(requests).flatMapSequential(this::decide);
	}

}
