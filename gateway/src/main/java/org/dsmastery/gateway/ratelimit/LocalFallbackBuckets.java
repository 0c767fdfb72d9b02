package org.dsmastery.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-memory token buckets, one per caller and route, used only while the rate-limiter
 * service cannot answer: limits then hold per gateway instance instead of globally, which
 * is looser but never open.
 */
class LocalFallbackBuckets {

	static final String POLICY = "gateway-fallback";

	private static final int MAX_BUCKETS = 100_000;

	private final long capacity;

	private final double ratePerNano;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	LocalFallbackBuckets(long capacity, double ratePerSecond) {
		this.capacity = capacity;
		this.ratePerNano = ratePerSecond / 1e9;
	}

	Verdict decide(String key) {
		if (this.buckets.size() > MAX_BUCKETS) {
			// bounded memory during a long outage: start afresh rather than grow without
			// end
			this.buckets.clear();
		}
		Bucket bucket = this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.capacity, System.nanoTime()));
		synchronized (bucket) {
			long now = System.nanoTime();
			bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.ratePerNano);
			bucket.updated = now;
			long window = (long) Math.ceil(this.capacity / (this.ratePerNano * 1e9));
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return new Verdict(true, POLICY, this.capacity, window, (long) bucket.tokens, 0, true,
						Verdict.UNKNOWN_TIER);
			}
			long retryMs = (long) Math.ceil((1 - bucket.tokens) / this.ratePerNano / 1e6);
			return new Verdict(false, POLICY, this.capacity, window, 0, retryMs, true, Verdict.UNKNOWN_TIER);
		}
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}

	}

}
