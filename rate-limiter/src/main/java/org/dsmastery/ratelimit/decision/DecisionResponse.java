package org.dsmastery.ratelimit.decision;

import org.dsmastery.ratelimiting.Decision;
import org.dsmastery.ratelimiting.Rule;
import org.dsmastery.ratelimiting.RuleDecision;

/**
 * The decision, with what the IETF RateLimit headers need.
 *
 * @param allowed whether the permits were granted
 * @param remaining what could still be granted now
 * @param retryAfterMs when a refused request may succeed
 * @param ruleId the rule that decided, {@code null} if none applied
 * @param limit the limit of that rule
 * @param tier the caller's tier, from the tier registry
 */
record DecisionResponse(boolean allowed, long remaining, long retryAfterMs, String ruleId, LimitResponse limit,
		String tier) {

	static DecisionResponse of(RuleDecision decided) {
		if (decided.rule() == null) {
			return new DecisionResponse(true, Long.MAX_VALUE, 0, null, null, decided.tier());
		}
		Decision decision = decided.decision();
		return new DecisionResponse(decision.allowed(), decision.remaining(), decision.retryAfter().toMillis(),
				decided.rule().id(), LimitResponse.of(decided.rule()), decided.tier());
	}

	record LimitResponse(String algorithm, long capacity, double ratePerSecond) {

		static LimitResponse of(Rule rule) {
			return new LimitResponse(rule.limit().algorithm().name(), rule.limit().capacity(),
					rule.limit().ratePerSecond());
		}

	}

}
