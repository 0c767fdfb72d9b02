package org.dsmastery.ratelimiting;

/**
 * The rate-limiting algorithms, each one atomic Redis Lua script.
 */
public enum Algorithm {

	/**
	 * Up to {@code capacity} tokens, refilled at {@code rate} per second; allows bursts
	 * of {@code capacity}.
	 */
	TOKEN_BUCKET("token-bucket.lua"),

	/**
	 * A bucket of {@code capacity} that drains at {@code rate} per second; the dual of
	 * the token bucket, smoothing what it admits.
	 */
	LEAKY_BUCKET("leaky-bucket.lua"),

	/**
	 * At most {@code capacity} permits in any window of {@code capacity / rate} seconds;
	 * exact, remembers every grant of the window.
	 */
	SLIDING_WINDOW("sliding-window.lua");

	private final String script;

	private final String key;

	Algorithm(String script) {
		this.script = script;
		this.key = name().toLowerCase(java.util.Locale.ROOT);
	}

	String script() {
		return this.script;
	}

	String key() {
		return this.key;
	}

}
