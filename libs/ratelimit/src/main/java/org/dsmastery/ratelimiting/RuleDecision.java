package org.dsmastery.ratelimiting;

/**
 * What {@link RuleBasedRateLimiter} decided for a request.
 *
 * @param rule the rule that applied, {@code null} if none did (the request is then
 * allowed)
 * @param decision the decision under that rule, {@code null} if none applied
 * @param tier the caller's tier, from the registry in {@link RedisRules}
 */
public record RuleDecision(Rule rule, Decision decision, String tier) {

	/**
	 * Returns the decision for a request that no rule covers.
	 * @param tier the caller's tier
	 * @return an unlimited decision
	 */
	public static RuleDecision unlimited(String tier) {
		return new RuleDecision(null, null, tier);
	}

	/**
	 * Returns whether the request may pass.
	 * @return {@code true} if allowed or unlimited
	 */
	public boolean allowed() {
		return this.decision == null || this.decision.allowed();
	}

}
