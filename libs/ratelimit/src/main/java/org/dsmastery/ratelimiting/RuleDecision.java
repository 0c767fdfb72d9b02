package org.dsmastery.ratelimiting;

/**
 * What {@link RuleBasedRateLimiter} decided for a request.
 *
 * @param rule the rule that applied, {@code null} if none did (the request is then
 * allowed)
 * @param decision the decision under that rule, {@code null} if none applied
 */
public record RuleDecision(Rule rule, Decision decision) {

	/**
	 * Returns the decision for a request that no rule covers.
	 * @return an unlimited decision
	 */
	public static RuleDecision unlimited() {
		return new RuleDecision(null, null);
	}

	/**
	 * Returns whether the request may pass.
	 * @return {@code true} if allowed or unlimited
	 */
	public boolean allowed() {
		return this.decision == null || this.decision.allowed();
	}

}
