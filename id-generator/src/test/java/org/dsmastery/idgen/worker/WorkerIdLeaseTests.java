package org.dsmastery.idgen.worker;

import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;
import org.dsmastery.idgen.IdGeneratorProperties;
import org.dsmastery.snowflake.ClockMovedBackwardsException;
import org.dsmastery.snowflake.SnowflakeId;
import org.dsmastery.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The lease protocol against a real Redis, and what it counts in
 * {@code idgen.worker.lease.lost}.
 */
class WorkerIdLeaseTests {

	private static final IdGeneratorProperties PROPERTIES = new IdGeneratorProperties(Duration.ofSeconds(2),
			Duration.ofMillis(200), Duration.ofMillis(20), 10_000);

	private static final int LEASE_TESTS_DATABASE = 7;

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	private final List<WorkerIdLease> leases = new ArrayList<>();

	@BeforeEach
	void connect() {
		Map<String, String> properties = TestInfrastructure.shared().springProperties(Set.of(Infra.REDIS), null);
		RedisStandaloneConfiguration redisConfig = new RedisStandaloneConfiguration(
				properties.get("spring.data.redis.host"), Integer.parseInt(properties.get("spring.data.redis.port")));
		// a database of its own: the Spring tests of this JVM hold leases in database 0
		redisConfig.setDatabase(LEASE_TESTS_DATABASE);
		this.connectionFactory = new LettuceConnectionFactory(redisConfig);
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.redis = new StringRedisTemplate(this.connectionFactory);
		this.redis.getConnectionFactory().getConnection().serverCommands().flushDb();
	}

	@AfterEach
	void disconnect() {
		this.leases.forEach(WorkerIdLease::stop);
		this.connectionFactory.destroy();
	}

	@Test
	void twoInstancesNeverShareAWorkerId() {
		WorkerIdLease first = started();
		WorkerIdLease second = started();

		assertThat(first.workerId()).hasValue(0);
		assertThat(second.workerId()).hasValue(1);
		assertThat(SnowflakeId.decode(second.generator().nextId()).workerId()).isEqualTo(1);
	}

	@Test
	void keepsTheLeaseAliveWithHeartbeatsAndReleasesItOnStop() {
		MeterRegistry meters = new SimpleMeterRegistry();
		WorkerIdLease lease = started(meters);

		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(lease::isValid);
		assertThat(this.redis.opsForValue().get("idgen:worker:0")).isNotNull();
		assertThat(leasesLost(meters)).isZero();
		assertThat(meters.get("idgen.worker.id").gauge().value()).isZero();

		lease.stop();
		assertThat(this.redis.hasKey("idgen:worker:0")).isFalse();
		assertThat(Long.parseLong(this.redis.opsForValue().get("idgen:worker:0:hwm"))).isPositive();
		assertThatExceptionOfType(NoWorkerIdException.class).isThrownBy(lease::generator);
	}

	@Test
	void aNewHolderNeverIssuesIdsBeforeThePreviousHoldersHighWaterMark() {
		WorkerIdLease previous = started();
		long lastOfPrevious = previous.generator().nextId();
		previous.stop();

		WorkerIdLease next = started();

		assertThat(next.workerId()).hasValue(0);
		assertThat(next.generator().nextId()).isGreaterThan(lastOfPrevious);
	}

	@Test
	void refusesToIssueIdsWhenTheClockIsFarBehindTheHighWaterMark() {
		this.redis.opsForValue().set("idgen:worker:0:hwm", Long.toString(System.currentTimeMillis() + 60_000));

		WorkerIdLease lease = started();

		assertThatExceptionOfType(ClockMovedBackwardsException.class).isThrownBy(lease.generator()::nextId);
	}

	@Test
	void takesANewWorkerIdWhenItsLeaseWasTakenOver() {
		MeterRegistry meters = new SimpleMeterRegistry();
		WorkerIdLease lease = started(meters);
		// the lease expired (say, a long GC pause) and another instance took the worker
		// id
		this.redis.opsForValue().set("idgen:worker:0", "someone-else");

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lease.workerId()).hasValue(1));
		assertThat(SnowflakeId.decode(lease.generator().nextId()).workerId()).isEqualTo(1);
		assertThat(leasesLost(meters)).isEqualTo(1);
		assertThat(meters.get("idgen.worker.id").gauge().value()).isEqualTo(1);
		// the new lease is renewed (5 heartbeats) without counting the old loss again
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.until(() -> lease.isValid() && leasesLost(meters) == 1);
	}

	@Test
	void stopsIssuingIdsWhenRedisCannotConfirmTheLease() {
		MeterRegistry meters = new SimpleMeterRegistry();
		WorkerIdLease lease = started(meters);
		// nothing can renew a lease whose key is gone and cannot be re-created: fill
		// every slot
		for (int workerId = 0; workerId < 1024; workerId++) {
			this.redis.opsForValue().set("idgen:worker:" + workerId, "someone-else");
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> !lease.isValid());
		assertThatExceptionOfType(NoWorkerIdException.class).isThrownBy(lease::generator);
		assertThat(leasesLost(meters)).isEqualTo(1);
		assertThat(meters.get("idgen.worker.id").gauge().value()).isEqualTo(-1);
	}

	@Test
	void countsALeaseLostOnceWhenRedisGoesAway(@TempDir Path directory) {
		DevStackConfig own = DevStackConfig.ephemeral(directory, List.of());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", own.redisPort()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
		factory.afterPropertiesSet();
		factory.start();
		MeterRegistry meters = new SimpleMeterRegistry();
		try {
			WorkerIdLease lease = new WorkerIdLease(new StringRedisTemplate(factory), PROPERTIES, meters);
			try (DevStack redis = DevStack.start(own, EnumSet.of(Infra.REDIS), false)) {
				lease.start();
				this.leases.add(lease);
				assertThat(lease.isValid()).isTrue();
			}
			// Redis is gone: renewals fail until the lease is no longer trusted (1 s)
			await().atMost(Duration.ofSeconds(5)).until(() -> !lease.isValid());
			await().atMost(Duration.ofSeconds(2)).until(() -> leasesLost(meters) == 1);
			// more failed heartbeats, still one loss
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(2))
				.until(() -> !lease.isValid() && leasesLost(meters) == 1);
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void leasesAWorkerIdOnceRedisComesUp(@TempDir Path directory) {
		DevStackConfig later = DevStackConfig.ephemeral(directory, List.of());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", later.redisPort()));
		factory.afterPropertiesSet();
		factory.start();
		try {
			WorkerIdLease lease = new WorkerIdLease(new StringRedisTemplate(factory), PROPERTIES,
					new SimpleMeterRegistry());
			lease.start();
			this.leases.add(lease);
			assertThat(lease.isValid()).isFalse();

			try (DevStack redis = DevStack.start(later, EnumSet.of(Infra.REDIS), false)) {
				await().atMost(Duration.ofSeconds(10)).until(lease::isValid);
				assertThat(lease.workerId()).hasValue(0);
				lease.stop();
			}
		}
		finally {
			factory.destroy();
		}
	}

	private static double leasesLost(MeterRegistry meters) {
		return meters.get("idgen.worker.lease.lost").counter().count();
	}

	private WorkerIdLease started() {
		return started(new SimpleMeterRegistry());
	}

	private WorkerIdLease started(MeterRegistry meters) {
		WorkerIdLease lease = new WorkerIdLease(this.redis, PROPERTIES, meters);
		lease.start();
		this.leases.add(lease);
		return lease;
	}

}
