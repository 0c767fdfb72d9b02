package org.dsmastery.loadbalancing;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.springframework.cloud.client.ServiceInstance;

/**
 * Requests this process has in flight to each instance of one service, fed by
 * {@link InFlightRequestsLifecycle}.
 * <p>
 * A request whose end is never reported still stops counting after an expiry: the gateway
 * reports neither cancelled exchanges (a client that went away, a circuit breaker's time
 * limit) nor their completion, and a leaked count would keep an instance out of a
 * least-connections rotation for good.
 */
public final class InFlightRequests {

	private final ConcurrentMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final ConcurrentMap<Identity, Started> started = new ConcurrentHashMap<>();

	private final long expiryNanos;

	private final LongSupplier clock;

	private volatile long nextSweep;

	/**
	 * Creates an empty record.
	 * @param expiry how long an unreported request counts at most
	 */
	public InFlightRequests(Duration expiry) {
		this(expiry, System::nanoTime);
	}

	InFlightRequests(Duration expiry, LongSupplier clock) {
		this.expiryNanos = expiry.toNanos();
		this.clock = clock;
		this.nextSweep = clock.getAsLong() + this.expiryNanos;
	}

	/**
	 * Records a request sent to an instance.
	 * @param request the request, identified by identity
	 * @param instance the instance
	 */
	public void started(Object request, ServiceInstance instance) {
		String key = Instances.key(instance);
		if (this.started.putIfAbsent(new Identity(request), new Started(key, this.clock.getAsLong())) == null) {
			counter(key).incrementAndGet();
		}
	}

	/**
	 * Records the end of a request; unknown or already ended requests are ignored.
	 * @param request the request
	 */
	public void finished(Object request) {
		Started ended = this.started.remove(new Identity(request));
		if (ended != null) {
			counter(ended.instance()).decrementAndGet();
		}
	}

	/**
	 * Returns how many requests are in flight to an instance.
	 * @param instance the instance
	 * @return the count
	 */
	public int count(ServiceInstance instance) {
		sweepIfDue();
		AtomicInteger count = this.counts.get(Instances.key(instance));
		return (count != null) ? count.get() : 0;
	}

	private AtomicInteger counter(String key) {
		return this.counts.computeIfAbsent(key, (k) -> new AtomicInteger());
	}

	private void sweepIfDue() {
		long now = this.clock.getAsLong();
		if (now - this.nextSweep < 0) {
			return;
		}
		this.nextSweep = now + Math.max(this.expiryNanos / 4, 1);
		for (Iterator<Map.Entry<Identity, Started>> it = this.started.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Identity, Started> entry = it.next();
			if (now - entry.getValue().at() > this.expiryNanos
					&& this.started.remove(entry.getKey(), entry.getValue())) {
				counter(entry.getValue().instance()).decrementAndGet();
			}
		}
	}

	private record Started(String instance, long at) {
	}

	/**
	 * A request by identity: load-balancer requests compare equal by content, and two
	 * identical GETs are still two requests.
	 */
	private static final class Identity {

		private final Object request;

		Identity(Object request) {
			this.request = request;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Identity identity && identity.request == this.request;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.request);
		}

	}

}
