package org.dsmastery.ratelimit.decision;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.dsmastery.ratelimit.rules.RuleStore;
import org.dsmastery.ratelimiting.RedisRateLimiter;
import org.dsmastery.ratelimiting.RuleBasedRateLimiter;
import org.dsmastery.ratelimiting.RuleDecision;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Decides requests with libs/ratelimit's {@link RuleBasedRateLimiter}, the same decider
 * as the gateway's {@code redis} mode: the most specific rule for the caller's tier, as
 * the tier registry has it, then the permits from Redis. A request that no rule covers is
 * allowed.
 * <p>
 * Each decision counts in {@code ratelimit.decisions} ({@code ratelimit_decisions_total}
 * in Prometheus, the gateway's name for its own decisions too) by the caller's
 * {@code tier} and the {@code outcome} ({@code allowed}/{@code rejected}): one per
 * decision asked for, whatever its permits (a gateway lease of many permits is one).
 */
@Service
class DecisionService {

	private final RuleBasedRateLimiter decider;

	private final MeterRegistry meterRegistry;

	// tiers come from the registry, so there are few of them
	private final ConcurrentMap<String, Counter> decisions = new ConcurrentHashMap<>();

	DecisionService(RuleStore rules, RedisRateLimiter limiter, MeterRegistry meterRegistry) {
		this.decider = rules.decider(limiter);
		this.meterRegistry = meterRegistry;
	}

	Mono<DecisionResponse> decide(DecisionRequest request) {
		int permits = (request.permits() != null) ? request.permits() : 1;
		return this.decider.decide(request.route(), request.keyKind(), request.key(), permits)
			.doOnNext(this::count)
			.map(DecisionResponse::of);
	}

	private void count(RuleDecision decided) {
		String outcome = decided.allowed() ? "allowed" : "rejected";
		this.decisions
			.computeIfAbsent(decided.tier() + '\n' + outcome,
					(key) -> Counter.builder("ratelimit.decisions")
						.description("Rate-limit decisions, one per decision asked for")
						.tag("tier", decided.tier())
						.tag("outcome", outcome)
						.register(this.meterRegistry))
			.increment();
	}

	Flux<DecisionResponse> decideAll(List<DecisionRequest> requests) {
		return Flux.fromIterable(requests).flatMapSequential(this::decide);
	}

}
