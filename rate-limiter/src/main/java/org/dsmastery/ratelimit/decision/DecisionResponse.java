package org.dsmastery.ratelimit.decision;

import org.dsmastery.ratelimiting.Decision;
import org.dsmastery.ratelimiting.Rule;

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

	static DecisionResponse of(Decision decision, Rule rule, String tier) {
		return new DecisionResponse(decision.allowed(), decision.remaining(), decision.retryAfter().toMillis(),
				rule.id(), LimitResponse.of(rule), tier);
	}

	static DecisionResponse unlimited(String tier) {
		return new DecisionResponse(true, Long.MAX_VALUE, 0, null, null, tier);
	}

	record LimitResponse(String algorithm, long capacity, double ratePerSecond) {

		static LimitResponse of(Rule rule) {
			return new LimitResponse(rule.limit().algorithm().name(), rule.limit().capacity(),
					rule.limit().ratePerSecond());
		}

	}

}
