package org.dsmastery.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * Leases of permits for callers with large limits: instead of one decision per request,
 * the gateway takes a block of permits from the global limit in one decision and hands
 * them out locally until the block is used up or its lease ends.
 * <p>
 * A lease holds at most {@code fraction} of the limit's burst (and at most
 * {@code maxLease} permits), so small limits (a free tier of 100) get leases of one
 * permit, which is no lease at all: every request is decided globally, exactly as without
 * leases. Large ones (an internal tier of a million per second) cost one decision per
 * block instead of one per request.
 * <p>
 * Every leased permit was granted by the global limit, so it still never grants more than
 * {@code capacity + rate * T} over any {@code T}. The price is the other way round: the
 * permits a lease still holds when it ends (or when requests racing for a new block
 * replace it) are lost, about one block per caller, route and gateway instance per lease
 * term; and the {@code RateLimit} header's remaining count is the global one plus what
 * this instance holds. When a block is refused (fewer permits left than a block), the
 * request asks for its single permit, so a caller near its limit is decided as precisely
 * as without leases.
 */
class PermitLeases {

	private static final int MAX_LEASES = 100_000;

	private final GuardedRateLimiter limiter;

	private final double fraction;

	private final long maxLease;

	private final long termNanos;

	private final LongSupplier nanoTime;

	private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

	/**
	 * Creates the leases.
	 * @param limiter decides globally
	 * @param fraction the share of a limit's burst one lease may hold; 0 turns leases off
	 * @param maxLease the most permits one lease holds
	 * @param term how long a lease lasts
	 * @param nanoTime the clock
	 */
	PermitLeases(GuardedRateLimiter limiter, double fraction, long maxLease, Duration term, LongSupplier nanoTime) {
		this.limiter = limiter;
		this.fraction = fraction;
		this.maxLease = maxLease;
		this.termNanos = term.toNanos();
		this.nanoTime = nanoTime;
	}

	Mono<Verdict> decide(String route, RateLimitKey caller) {
		String key = route + '\n' + caller.keyKind() + '\n' + caller.key();
		Lease lease = this.leases.get(key);
		if (lease != null) {
			Verdict leased = lease.take(this.nanoTime.getAsLong());
			if (leased != null) {
				return Mono.just(leased);
			}
			this.leases.remove(key, lease);
		}
		long block = (lease != null) ? lease.block : 1;
		if (block == 1) {
			return this.limiter.decide(route, caller, 1).doOnNext((verdict) -> learn(key, verdict, 0));
		}
		return this.limiter.decide(route, caller, Math.toIntExact(block)).flatMap((verdict) -> {
			if (verdict.fallback()) {
				// no answer: the local fallback has decided this request already
				return Mono.just(verdict);
			}
			if (verdict.allowed()) {
				return Mono.just(learn(key, verdict, block));
			}
			// fewer permits left than a block: this request asks for its own
			return this.limiter.decide(route, caller, 1).doOnNext((single) -> learn(key, single, 0));
		});
	}

	/**
	 * Remembers what a verdict says about the caller's limit: how big its blocks may be,
	 * and, when it granted a block, the lease of the permits this request does not use.
	 * @param granted the block the verdict granted, 0 for a single permit
	 */
	private Verdict learn(String key, Verdict verdict, long granted) {
		if (verdict.policy() == null || verdict.fallback() || !verdict.allowed()) {
			return verdict;
		}
		long block = Math.max(1, Math.min(this.maxLease, (long) (verdict.quota() * this.fraction)));
		if (block == 1 && granted == 0) {
			return verdict;
		}
		if (this.leases.size() >= MAX_LEASES) {
			this.leases.clear();
		}
		long left = Math.max(0, granted - 1);
		Lease lease = new Lease(verdict, block, left, this.nanoTime.getAsLong() + this.termNanos);
		this.leases.put(key, lease);
		return lease.verdict(left);
	}

	/**
	 * A block of permits held by this gateway instance.
	 */
	private static final class Lease {

		private final Verdict granted;

		private final long block;

		private final AtomicLong left;

		private final long endsAt;

		Lease(Verdict granted, long block, long left, long endsAt) {
			this.granted = granted;
			this.block = block;
			this.left = new AtomicLong(left);
			this.endsAt = endsAt;
		}

		/**
		 * Takes one permit.
		 * @param now the time
		 * @return the verdict, or {@code null} when the lease is used up or over
		 */
		Verdict take(long now) {
			if (now - this.endsAt >= 0) {
				return null;
			}
			long remaining = this.left.decrementAndGet();
			return (remaining >= 0) ? verdict(remaining) : null;
		}

		Verdict verdict(long held) {
			return new Verdict(true, this.granted.policy(), this.granted.quota(), this.granted.windowSeconds(),
					this.granted.remaining() + held, 0, false, this.granted.tier());
		}

	}

}
