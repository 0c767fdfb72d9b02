package org.dsmastery.ratelimit.decision;

import java.util.List;

import org.dsmastery.ratelimit.rules.RuleStore;
import org.dsmastery.ratelimiting.RedisRateLimiter;
import org.dsmastery.ratelimiting.RuleBasedRateLimiter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Decides requests with libs/ratelimit's {@link RuleBasedRateLimiter}, the same decider
 * as the gateway's {@code redis} mode: the most specific rule for the caller's tier, as
 * the tier registry has it, then the permits from Redis. A request that no rule covers is
 * allowed.
 */
@Service
class DecisionService {

	private final RuleBasedRateLimiter decider;

	DecisionService(RuleStore rules, RedisRateLimiter limiter) {
		this.decider = rules.decider(limiter);
	}

	Mono<DecisionResponse> decide(DecisionRequest request) {
		int permits = (request.permits() != null) ? request.permits() : 1;
		return this.decider.decide(request.route(), request.keyKind(), request.key(), permits)
			.map(DecisionResponse::of);
	}

	Flux<DecisionResponse> decideAll(List<DecisionRequest> requests) {
		return Flux.fromIterable(requests).flatMapSequential(this::decide);
	}

}
