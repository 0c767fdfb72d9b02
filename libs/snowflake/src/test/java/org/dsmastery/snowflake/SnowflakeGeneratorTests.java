package org.dsmastery.snowflake;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SnowflakeGeneratorTests {

	private static final long NOW = SnowflakeLayout.EPOCH_MILLIS + 1_000_000;

	@Test
	void composesTimestampWorkerAndSequence() {
		SnowflakeGenerator generator = new SnowflakeGenerator(7, Duration.ofMillis(5), () -> NOW, 0);

		SnowflakeId first = SnowflakeId.decode(generator.nextId());
		SnowflakeId second = SnowflakeId.decode(generator.nextId());

		assertThat(first.timestamp().toEpochMilli()).isEqualTo(NOW);
		assertThat(first.workerId()).isEqualTo(7);
		assertThat(first.sequence()).isZero();
		assertThat(second.sequence()).isEqualTo(1);
		assertThat(second.id()).isGreaterThan(first.id());
	}

	@Test
	void decodeReversesCompose() {
		long id = SnowflakeLayout.compose(123_456_789L, 1023, 4095);

		SnowflakeId decoded = SnowflakeId.decode(id);

		assertThat(decoded.timestamp().toEpochMilli()).isEqualTo(SnowflakeLayout.EPOCH_MILLIS + 123_456_789L);
		assertThat(decoded.workerId()).isEqualTo(1023);
		assertThat(decoded.sequence()).isEqualTo(4095);
	}

	@Test
	void waitsForTheNextMillisecondWhenTheSequenceRunsOut() {
		AtomicLong clock = new AtomicLong(NOW);
		AtomicLong reads = new AtomicLong();
		SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(5), () -> {
			// the clock advances only after the generator has asked often enough to be
			// waiting
			if (reads.incrementAndGet() > 4096 + 10) {
				clock.compareAndSet(NOW, NOW + 1);
			}
			return clock.get();
		}, 0);

		long[] ids = IntStream.range(0, 4097).mapToLong((i) -> generator.nextId()).toArray();

		assertThat(SnowflakeId.decode(ids[4095]).sequence()).isEqualTo(4095);
		SnowflakeId overflow = SnowflakeId.decode(ids[4096]);
		assertThat(overflow.timestamp().toEpochMilli()).isEqualTo(NOW + 1);
		assertThat(overflow.sequence()).isZero();
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void waitsOutASmallBackwardClockStep() {
		AtomicLong clock = new AtomicLong(NOW);
		SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(5), () -> {
			long now = clock.get();
			clock.compareAndSet(NOW - 3, NOW - 2);
			clock.compareAndSet(NOW - 2, NOW - 1);
			clock.compareAndSet(NOW - 1, NOW + 1);
			return now;
		}, 0);
		long before = generator.nextId();
		clock.set(NOW - 3);

		long after = generator.nextId();

		assertThat(after).isGreaterThan(before);
		assertThat(SnowflakeId.decode(after).timestamp().toEpochMilli()).isGreaterThanOrEqualTo(NOW);
	}

	@Test
	void refusesALargeBackwardClockStep() {
		AtomicLong clock = new AtomicLong(NOW);
		SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(5), clock::get, 0);
		generator.nextId();
		clock.set(NOW - 1_000);

		assertThatExceptionOfType(ClockMovedBackwardsException.class).isThrownBy(generator::nextId)
			.satisfies((ex) -> assertThat(ex.getDriftMillis()).isEqualTo(1_000));
		assertThatExceptionOfType(ClockMovedBackwardsException.class).isThrownBy(() -> generator.nextIds(3));
	}

	@Test
	void neverIssuesIdsAtOrBeforeTheHighWaterMark() {
		AtomicLong clock = new AtomicLong(NOW);
		SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(5), () -> clock.getAndIncrement(),
				NOW + 2);

		SnowflakeId id = SnowflakeId.decode(generator.nextId());

		assertThat(id.timestamp().toEpochMilli()).isGreaterThan(NOW + 2);
	}

	@Test
	void batchesSpanMillisecondsAndStayAscending() {
		AtomicLong clock = new AtomicLong(NOW);
		SnowflakeGenerator generator = new SnowflakeGenerator(3, Duration.ofMillis(5), () -> clock.getAndIncrement(),
				0);
		long single = generator.nextId();

		long[] batch = generator.nextIds(10_000);

		assertThat(batch).hasSize(10_000).isSorted().doesNotHaveDuplicates();
		assertThat(batch[0]).isGreaterThan(single);
		assertThat(generator.nextId()).isGreaterThan(batch[batch.length - 1]);
	}

	@Test
	void concurrentCallersNeverGetTheSameId() throws Exception {
		SnowflakeGenerator generator = new SnowflakeGenerator(5, Duration.ofMillis(5));
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = Thread.ofPlatform().start(() -> {
				for (int i = 0; i < 50_000; i++) {
					ids.add((i % 2 == 0) ? generator.nextId() : generator.nextIds(2)[1]);
				}
			});
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(ids).hasSize(4 * 50_000);
	}

	@Test
	void idsFromDifferentWorkersNeverCollide() {
		SnowflakeGenerator a = new SnowflakeGenerator(1, Duration.ofMillis(5), () -> NOW, 0);
		SnowflakeGenerator b = new SnowflakeGenerator(2, Duration.ofMillis(5), () -> NOW, 0);
		Set<Long> ids = new HashSet<>();
		for (long id : a.nextIds(4096)) {
			ids.add(id);
		}
		for (long id : b.nextIds(4096)) {
			ids.add(id);
		}
		assertThat(ids).hasSize(8192);
	}

	@Test
	void rejectsWorkerIdsOutsideTenBits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SnowflakeGenerator(1024, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new SnowflakeGenerator(-1, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> SnowflakeId.decode(-5));
	}

}
