package org.dsmastery.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases against a decider that keeps one exact token bucket in memory, so every test can
 * count what was granted globally against what the gateway handed out.
 */
class PermitLeasesTests {

	private final RateLimitKey caller = new RateLimitKey("CLIENT", "k");

	private final AtomicLong clock = new AtomicLong();

	@Test
	void smallLimitsAreDecidedGloballyForEveryRequest() {
		GlobalBucket global = new GlobalBucket(100);
		PermitLeases leases = leases(global);

		for (int i = 0; i < 150; i++) {
			leases.decide("orders", this.caller).block();
		}

		assertThat(global.asked).hasSize(150).containsOnly(1);
		assertThat(global.granted).isEqualTo(100);
	}

	@Test
	void largeLimitsTakeBlocksAndHandThemOutLocally() {
		GlobalBucket global = new GlobalBucket(1_000_000);
		PermitLeases leases = leases(global);

		List<Verdict> verdicts = new ArrayList<>();
		for (int i = 0; i < 2_001; i++) {
			verdicts.add(leases.decide("ids", this.caller).block());
		}

		// one single decision to learn the limit, then two blocks of 0.1 % of the burst
		assertThat(global.asked).containsExactly(1, 1000, 1000);
		assertThat(verdicts).allMatch(Verdict::allowed);
		assertThat(verdicts.get(1).remaining()).isEqualTo(1_000_000 - 1 - 1000 + 999);
		assertThat(verdicts.get(1000).remaining()).isEqualTo(1_000_000 - 1 - 1000);
	}

	@Test
	void neverHandsOutMoreThanTheGlobalLimitGranted() {
		GlobalBucket global = new GlobalBucket(10_000);
		PermitLeases leases = leases(global);

		long allowed = 0;
		for (int i = 0; i < 12_000; i++) {
			if (leases.decide("ids", this.caller).block().allowed()) {
				allowed++;
			}
		}

		assertThat(allowed).isEqualTo(10_000).isEqualTo(global.granted);
		// near the end a block no longer fits: single permits until the bucket is empty
		assertThat(global.asked).contains(10).endsWith(1, 1, 1);
	}

	@Test
	void aLeaseEndsAfterItsTermAndWhatItHeldIsLost() {
		GlobalBucket global = new GlobalBucket(1_000_000);
		PermitLeases leases = leases(global);
		leases.decide("ids", this.caller).block();
		leases.decide("ids", this.caller).block();

		this.clock.addAndGet(Duration.ofSeconds(1).toNanos());
		leases.decide("ids", this.caller).block();

		assertThat(global.asked).containsExactly(1, 1000, 1000);
	}

	@Test
	void callersAndRoutesHoldTheirOwnLeases() {
		GlobalBucket global = new GlobalBucket(1_000_000);
		PermitLeases leases = leases(global);
		RateLimitKey other = new RateLimitKey("CLIENT", "other");

		for (int i = 0; i < 3; i++) {
			leases.decide("ids", this.caller).block();
			leases.decide("ids", other).block();
			leases.decide("orders", this.caller).block();
		}

		assertThat(global.asked).containsExactly(1, 1, 1, 1000, 1000, 1000);
	}

	@Test
	void theLocalFallbackIsNeverLeased() {
		GlobalBucket global = new GlobalBucket(1_000_000);
		global.down = true;
		PermitLeases leases = leases(global);

		List<Verdict> verdicts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			verdicts.add(leases.decide("ids", this.caller).block());
		}

		assertThat(verdicts).allMatch(Verdict::fallback);
		assertThat(verdicts).extracting(Verdict::allowed).containsExactly(true, true, true, false, false);
		assertThat(global.asked).hasSize(5).containsOnly(1);
	}

	@Test
	void aLimiterThatStopsAnsweringMidLeaseIsAskedOncePerRequest() {
		GlobalBucket global = new GlobalBucket(1_000_000);
		PermitLeases leases = leases(global);
		leases.decide("ids", this.caller).block();

		global.down = true;
		Verdict verdict = leases.decide("ids", this.caller).block();

		assertThat(verdict.fallback()).isTrue();
		assertThat(global.asked).containsExactly(1, 1000);
	}

	private PermitLeases leases(GlobalBucket global) {
		GuardedRateLimiter guarded = new GuardedRateLimiter(global, Duration.ofSeconds(1), CircuitBreaker.of("test",
				io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom().minimumNumberOfCalls(1000).build()),
				new LocalFallbackBuckets(3, 0.001));
		return new PermitLeases(guarded, 0.001, 1000, Duration.ofSeconds(1), this.clock::get);
	}

	/**
	 * A global limit without refill: a burst of {@code capacity}, all or nothing per ask,
	 * as the Lua token bucket decides.
	 */
	static final class GlobalBucket implements RateLimitDecider {

		final long capacity;

		final List<Integer> asked = new ArrayList<>();

		long granted;

		boolean down;

		GlobalBucket(long capacity) {
			this.capacity = capacity;
		}

		@Override
		public Mono<Verdict> decide(String route, RateLimitKey caller, int permits) {
			this.asked.add(permits);
			if (this.down) {
				return Mono.error(new IllegalStateException("rate-limiter down"));
			}
			boolean allowed = this.granted + permits <= this.capacity;
			if (allowed) {
				this.granted += permits;
			}
			return Mono.just(new Verdict(allowed, "rule", this.capacity, 1, this.capacity - this.granted,
					allowed ? 0 : 1000, false, "free"));
		}

	}

}
