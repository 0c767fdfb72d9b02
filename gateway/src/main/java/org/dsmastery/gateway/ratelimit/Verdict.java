package org.dsmastery.gateway.ratelimit;

/**
 * A rate-limit decision as the gateway uses it.
 *
 * @param allowed whether the request may pass
 * @param policy the name of the limit that decided, or {@code null} if none applied
 * @param quota the limit's burst
 * @param windowSeconds the window the quota refills over
 * @param remaining what the caller may still do now
 * @param retryAfterMs when a refused caller may retry
 * @param fallback whether the local fallback decided because the rate-limiter could not
 * @param tier the caller's tier as the rate-limiter's tier registry has it;
 * {@value #UNKNOWN_TIER} when the local fallback decided
 */
record Verdict(boolean allowed, String policy, long quota, long windowSeconds, long remaining, long retryAfterMs,
		boolean fallback, String tier) {

	/** The tier of a caller the local fallback decided: the registry was not asked. */
	static final String UNKNOWN_TIER = "unknown";

	static Verdict unlimited(String tier) {
		return new Verdict(true, null, 0, 0, 0, 0, false, (tier != null) ? tier : UNKNOWN_TIER);
	}

}
