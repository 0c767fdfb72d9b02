package org.dsmastery.ratelimiting;

/**
 * Redis cannot decide: the limiter is not connected yet. Callers choose what that means:
 * the rate-limiter service answers 503, the gateway falls back to local buckets.
 */
public class RedisUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 */
	public RedisUnavailableException(String message) {
		super(message);
	}

}
