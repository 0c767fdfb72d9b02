package org.dsmastery.ratelimiting;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The three algorithms against a real Redis.
 */
class RedisRateLimiterTests {

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	private static RedisRateLimiter limiter;

	@BeforeAll
	static void connect() {
		Map<String, String> redis = TestInfrastructure.shared().springProperties(Set.of(Infra.REDIS), null);
		client = RedisClient
			.create("redis://" + redis.get("spring.data.redis.host") + ":" + redis.get("spring.data.redis.port"));
		connection = client.connect();
		limiter = new RedisRateLimiter(client, "rl-test:");
		await().atMost(Duration.ofSeconds(10)).until(limiter::connected);
	}

	@AfterAll
	static void disconnect() {
		limiter.close();
		connection.close();
		client.shutdown();
	}

	static Stream<Limit> limits() {
		return Stream.of(Limit.tokenBucket(20, 50), Limit.leakyBucket(20, 50),
				Limit.slidingWindow(20, Duration.ofMillis(400)));
	}

	@ParameterizedTest
	@MethodSource("limits")
	void neverGrantsMoreThanCapacityPlusRateTimesTimeUnderEightConcurrentClients(Limit limit) throws Exception {
		String key = "exact-" + UUID.randomUUID();
		AtomicLong granted = new AtomicLong();
		AtomicLong attempts = new AtomicLong();
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> clients = new ArrayList<>();
		long start;
		long end;
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int client = 0; client < 8; client++) {
				clients.add(pool.submit(() -> {
					go.await();
					long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
					while (System.nanoTime() < deadline) {
						attempts.incrementAndGet();
						if (limiter.acquire(key, limit, 1).block().allowed()) {
							granted.incrementAndGet();
						}
					}
					return null;
				}));
			}
			start = System.nanoTime();
			go.countDown();
			for (Future<?> client : clients) {
				client.get();
			}
			end = System.nanoTime();
		}

		double seconds = (end - start) / 1e9;
		double bound = limit.capacity() + limit.ratePerSecond() * seconds;
		assertThat((double) granted.get()).as("granted of %d attempts in %.2f s", attempts.get(), seconds)
			.isLessThanOrEqualTo(bound);
		// and it is a limit, not a wall: a fair share of the allowance was used
		assertThat(granted.get()).isGreaterThanOrEqualTo(Math.min(attempts.get(), (long) (bound * 0.5)));
	}

	static Stream<Limit> slowLimits() {
		return Stream.of(Limit.tokenBucket(5, 2), Limit.leakyBucket(5, 2),
				Limit.slidingWindow(5, Duration.ofMillis(2500)));
	}

	@ParameterizedTest
	@MethodSource("slowLimits")
	void refusesBeyondTheBurstAndSaysWhenToRetry(Limit limit) {
		String key = "burst-" + UUID.randomUUID();
		for (int i = 0; i < limit.capacity(); i++) {
			assertThat(limiter.acquire(key, limit, 1).block().allowed()).as("request %d", i).isTrue();
		}

		Decision refused = limiter.acquire(key, limit, 1).block();

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.remaining()).isZero();
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(limit.window().plusMillis(1));
		await().atMost(Duration.ofSeconds(4)).until(() -> limiter.acquire(key, limit, 1).block().allowed());
	}

	@Test
	void keysAreIndependent() {
		Limit limit = Limit.tokenBucket(1, 0.01);
		assertThat(limiter.acquire("a-" + UUID.randomUUID(), limit, 1).block().allowed()).isTrue();
		assertThat(limiter.acquire("b-" + UUID.randomUUID(), limit, 1).block().allowed()).isTrue();
	}

	@Test
	void decidesABatchInRequestOrder() {
		String key = "batch-" + UUID.randomUUID();
		Limit two = Limit.tokenBucket(2, 0.01);

		List<Decision> decisions = limiter
			.acquireAll(List.of(new RedisRateLimiter.Request(key, two, 1), new RedisRateLimiter.Request(key, two, 1),
					new RedisRateLimiter.Request(key, two, 1), new RedisRateLimiter.Request("other-" + key, two, 2)))
			.collectList()
			.block();

		assertThat(decisions).extracting(Decision::allowed).containsExactly(true, true, false, true);
	}

	static Stream<Limit> stillLimits() {
		return Stream.of(Limit.tokenBucket(5, 0.01), Limit.leakyBucket(5, 0.01),
				Limit.slidingWindow(5, Duration.ofMinutes(5)));
	}

	@ParameterizedTest
	@MethodSource("stillLimits")
	void sendsTheScriptAgainToARedisThatForgotIt(Limit limit) {
		String key = "flushed-" + UUID.randomUUID();
		assertThat(limiter.decide(key, limit, 1).join().allowed()).isTrue();

		connection.sync().scriptFlush();

		assertThat(limiter.decide(key, limit, 1).join().allowed()).isTrue();
		assertThat(limiter.decide(key, limit, 1).join().remaining()).isEqualTo(2);
	}

	@Test
	void failsAtOnceUntilRedisAnswers() throws Exception {
		int nobody;
		try (ServerSocket socket = new ServerSocket(0)) {
			nobody = socket.getLocalPort();
		}
		RedisClient unreachable = RedisClient.create("redis://127.0.0.1:" + nobody);
		try (RedisRateLimiter disconnected = new RedisRateLimiter(unreachable, "rl-test:")) {
			assertThat(disconnected.connected()).isFalse();
			assertThat(disconnected.decide("k", Limit.tokenBucket(5, 1), 1)).failsWithin(Duration.ofMillis(100))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(RedisUnavailableException.class)
				.withMessage("not connected to Redis yet");
		}
		finally {
			unreachable.shutdown();
		}
	}

	@Test
	void refusesToAskForMoreThanTheCapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.acquire("k", Limit.tokenBucket(5, 1), 6).block());
		assertThatIllegalArgumentException().isThrownBy(() -> Limit.tokenBucket(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Limit.leakyBucket(1, 0));
	}

}
