package org.dsmastery.ratelimiting;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a key may do: whatever the algorithm, over any T seconds a key is granted at
 * most {@code capacity + ratePerSecond * T} permits.
 *
 * @param algorithm the algorithm
 * @param capacity the burst: bucket size, or permits per window
 * @param ratePerSecond the sustained rate; for a sliding window the window is
 * {@code capacity / ratePerSecond} seconds
 */
public record Limit(Algorithm algorithm, long capacity, double ratePerSecond) {

	public Limit {
		Objects.requireNonNull(algorithm, "algorithm");
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("rate must be a positive number, was " + ratePerSecond);
		}
	}

	/**
	 * A token bucket.
	 * @param capacity the burst
	 * @param ratePerSecond the refill rate
	 * @return the limit
	 */
	public static Limit tokenBucket(long capacity, double ratePerSecond) {
		return new Limit(Algorithm.TOKEN_BUCKET, capacity, ratePerSecond);
	}

	/**
	 * A leaky bucket.
	 * @param capacity the bucket size
	 * @param ratePerSecond the drain rate
	 * @return the limit
	 */
	public static Limit leakyBucket(long capacity, double ratePerSecond) {
		return new Limit(Algorithm.LEAKY_BUCKET, capacity, ratePerSecond);
	}

	/**
	 * A sliding window of {@code capacity} permits per {@code window}.
	 * @param capacity permits per window
	 * @param window the window
	 * @return the limit
	 */
	public static Limit slidingWindow(long capacity, Duration window) {
		return new Limit(Algorithm.SLIDING_WINDOW, capacity, capacity * 1000.0 / window.toMillis());
	}

	/**
	 * Returns the window a sliding window limit counts over.
	 * @return {@code capacity / ratePerSecond}
	 */
	public Duration window() {
		return Duration.ofNanos(Math.round(this.capacity / this.ratePerSecond * 1_000_000_000L));
	}

}
