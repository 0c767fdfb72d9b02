package org.dsmastery.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;
import org.dsmastery.ratelimiting.Decision;
import org.dsmastery.ratelimiting.Limit;
import org.dsmastery.ratelimiting.RedisRateLimiter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token-bucket decisions per second, libs/ratelimit (one Lua script, one round trip,
 * {@code EVALSHA} on its own Lettuce connection) against Bucket4j's Lettuce proxy manager
 * (read the state, compute in the JVM, compare-and-swap it back; retry when another
 * client won), both on the same real Redis started by devstack in this JVM, both on one
 * Lettuce connection, 4 threads. The limit is so large that every request is granted:
 * this measures what a decision costs, not refusals.
 * <ul>
 * <li>uncontended: each thread has its own key, as callers mostly do;</li>
 * <li>contended: all threads on one key, as one hot API key or customer;</li>
 * <li>crowded: 16 threads on one key, for information: how each side holds up as a hot
 * key gets more concurrent callers than the 4 the goal is judged at.</li>
 * </ul>
 * The methods are named so that JMH, which runs benchmarks in alphabetical order, runs
 * the two sides of each comparison one after the other: on a shared machine the steal
 * time drifts, and a ratio is fairest between neighbours.
 * {@code ./platform bench ratelimit} runs the class in five rounds and judges the median
 * ratio.
 */
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Threads(4)
public class RateLimiterBenchmark extends ThroughputBenchmark {

	static final long CAPACITY = 1_000_000_000L;

	static final String CONTENDED_KEY = "bench-hot";

	/** Our limit: a token bucket so large that it never binds. */
	static final Limit LIMIT = Limit.tokenBucket(CAPACITY, CAPACITY);

	/** Bucket4j's limit: the same bucket. */
	static final BucketConfiguration BUCKET4J_LIMIT = BucketConfiguration.builder()
		.addLimit((bandwidth) -> bandwidth.capacity(CAPACITY).refillGreedy(CAPACITY, Duration.ofSeconds(1)))
		.build();

	private final AtomicInteger threads = new AtomicInteger();

	private DevStack stack;

	private RedisClient limiterClient;

	private RedisRateLimiter limiter;

	private RedisClient bucket4jClient;

	private LettuceBasedProxyManager<byte[]> buckets;

	private BucketProxy contendedBucket;

	/**
	 * Starts Redis and connects both limiters to it.
	 * @throws Exception if Redis does not start
	 */
	@Setup(Level.Trial)
	public void startRedis() throws Exception {
		Path directory = Files.createTempDirectory("ratelimit-bench-");
		DevStackConfig config = DevStackConfig.ephemeral(directory, List.of());
		this.stack = DevStack.start(config, EnumSet.of(Infra.REDIS), false);
		this.limiterClient = RedisClient.create("redis://127.0.0.1:" + config.redisPort());
		this.limiter = new RedisRateLimiter(this.limiterClient, "rl-bench:");
		while (!this.limiter.connected()) {
			Thread.onSpinWait();
		}
		this.bucket4jClient = RedisClient.create("redis://127.0.0.1:" + config.redisPort());
		this.buckets = bucket4j(this.bucket4jClient);
		this.contendedBucket = bucket(CONTENDED_KEY);
	}

	/**
	 * Bucket4j's Lettuce proxy manager: compare-and-swap, state kept a minute after the
	 * last write.
	 * @param client the Redis client it sends its commands through
	 * @return the proxy manager
	 */
	static LettuceBasedProxyManager<byte[]> bucket4j(RedisClient client) {
		return Bucket4jLettuce.casBasedBuilder(client)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	BucketProxy bucket(String key) {
		return this.buckets.builder().build(("b4j-bench:" + key).getBytes(), () -> BUCKET4J_LIMIT);
	}

	/**
	 * Stops the clients and Redis.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		this.bucket4jClient.shutdown();
		this.limiter.close();
		this.limiterClient.shutdown();
		this.stack.close();
	}

	/**
	 * A thread's own key.
	 */
	@State(Scope.Thread)
	public static class OwnKey {

		String key;

		BucketProxy bucket;

		/**
		 * Picks the thread's key.
		 * @param shared the benchmark
		 */
		@Setup(Level.Trial)
		public void pick(RateLimiterBenchmark shared) {
			this.key = "bench-thread-" + shared.threads.incrementAndGet();
			this.bucket = shared.bucket(this.key);
		}

	}

	/**
	 * libs/ratelimit, each thread on its own key.
	 * @param own the thread's key
	 * @return the decision
	 */
	@Benchmark
	public Decision uncontendedLimiter(OwnKey own) {
		return granted(this.limiter.decide(own.key, LIMIT, 1).join());
	}

	/**
	 * Bucket4j, each thread on its own key.
	 * @param own the thread's bucket
	 * @return whether the token was granted
	 */
	@Benchmark
	public boolean uncontendedBucket4j(OwnKey own) {
		return granted(own.bucket.tryConsume(1));
	}

	/**
	 * libs/ratelimit, every thread on one key.
	 * @return the decision
	 */
	@Benchmark
	public Decision contendedLimiter() {
		return granted(this.limiter.decide(CONTENDED_KEY, LIMIT, 1).join());
	}

	/**
	 * Bucket4j, every thread on one key.
	 * @return whether the token was granted
	 */
	@Benchmark
	public boolean contendedBucket4j() {
		return granted(this.contendedBucket.tryConsume(1));
	}

	/**
	 * Bucket4j, 16 threads on one key, for information.
	 * @return whether the token was granted
	 */
	@Benchmark
	@Threads(16)
	public boolean crowdedBucket4j() {
		return contendedBucket4j();
	}

	/**
	 * libs/ratelimit, 16 threads on one key, for information.
	 * @return the decision
	 */
	@Benchmark
	@Threads(16)
	public Decision crowdedLimiter() {
		return contendedLimiter();
	}

	private static Decision granted(Decision decision) {
		if (!decision.allowed()) {
			throw new IllegalStateException("refused: the benchmark's limit must never bind");
		}
		return decision;
	}

	private static boolean granted(boolean granted) {
		if (!granted) {
			throw new IllegalStateException("refused: the benchmark's limit must never bind");
		}
		return true;
	}

}
