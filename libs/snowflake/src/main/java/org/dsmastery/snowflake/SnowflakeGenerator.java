package org.dsmastery.snowflake;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Issues unique, time-ordered ids for one worker.
 * <p>
 * Ids from one generator strictly increase. Within a millisecond the sequence counts up
 * to 4095; when it runs out the generator waits for the next millisecond. If the clock
 * moves backwards by at most {@code maxBackwardDrift} the generator waits for it to catch
 * up; if it moves back further it refuses with {@link ClockMovedBackwardsException}
 * rather than risk repeating an id. Thread-safe.
 */
public final class SnowflakeGenerator {

	private final int workerId;

	private final long workerBits;

	private final LongSupplier clock;

	private final long maxBackwardDriftMillis;

	private long lastTimestamp;

	private int sequence;

	/**
	 * Creates a generator on the system clock.
	 * @param workerId the worker id, 0..1023; no other live generator may hold it
	 * @param maxBackwardDrift how far back the clock may move before the generator
	 * refuses
	 */
	public SnowflakeGenerator(int workerId, Duration maxBackwardDrift) {
		this(workerId, maxBackwardDrift, System::currentTimeMillis, 0);
	}

	/**
	 * Creates a generator.
	 * @param workerId the worker id, 0..1023; no other live generator may hold it
	 * @param maxBackwardDrift how far back the clock may move before the generator
	 * refuses
	 * @param clock the wall clock in Unix milliseconds
	 * @param highWaterMark a Unix millisecond timestamp this worker id may already have
	 * issued ids at (for example by a previous holder of the worker id); the generator
	 * issues only ids later than it
	 */
	public SnowflakeGenerator(int workerId, Duration maxBackwardDrift, LongSupplier clock, long highWaterMark) {
		this.workerId = SnowflakeLayout.checkWorkerId(workerId);
		this.workerBits = (long) workerId << SnowflakeLayout.WORKER_SHIFT;
		this.clock = clock;
		this.maxBackwardDriftMillis = maxBackwardDrift.toMillis();
		this.lastTimestamp = Math.max(highWaterMark - SnowflakeLayout.EPOCH_MILLIS, -1);
		this.sequence = SnowflakeLayout.MAX_SEQUENCE;
	}

	/**
	 * Issues one id.
	 * @return an id greater than every id this generator issued before
	 * @throws ClockMovedBackwardsException if the clock moved back too far
	 */
	public synchronized long nextId() {
		long now = currentTimestamp();
		if (now == this.lastTimestamp) {
			if (this.sequence == SnowflakeLayout.MAX_SEQUENCE) {
				now = awaitAfter(this.lastTimestamp);
				this.sequence = 0;
			}
			else {
				this.sequence++;
			}
		}
		else {
			this.sequence = 0;
		}
		this.lastTimestamp = now;
		return (now << SnowflakeLayout.TIMESTAMP_SHIFT) | this.workerBits | this.sequence;
	}

	/**
	 * Issues {@code count} ids in ascending order, taking whole runs of a millisecond's
	 * sequence at once instead of one id at a time.
	 * @param count how many ids, at least 1
	 * @return the ids, ascending
	 * @throws ClockMovedBackwardsException if the clock moved back too far
	 */
	public synchronized long[] nextIds(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		long[] ids = new long[count];
		int filled = 0;
		while (filled < count) {
			long now = currentTimestamp();
			int first;
			if (now == this.lastTimestamp) {
				if (this.sequence == SnowflakeLayout.MAX_SEQUENCE) {
					now = awaitAfter(this.lastTimestamp);
					first = 0;
				}
				else {
					first = this.sequence + 1;
				}
			}
			else {
				first = 0;
			}
			int last = Math.min(SnowflakeLayout.MAX_SEQUENCE, first + (count - filled) - 1);
			long prefix = (now << SnowflakeLayout.TIMESTAMP_SHIFT) | this.workerBits;
			for (int seq = first; seq <= last; seq++) {
				ids[filled++] = prefix | seq;
			}
			this.lastTimestamp = now;
			this.sequence = last;
		}
		return ids;
	}

	/**
	 * Returns the worker id this generator issues ids for.
	 * @return the worker id
	 */
	public int workerId() {
		return this.workerId;
	}

	/**
	 * Returns the Unix millisecond timestamp of the last id issued, or of the high-water
	 * mark the generator was created with.
	 * @return the last timestamp in Unix milliseconds
	 */
	public synchronized long lastIssuedAtMillis() {
		return this.lastTimestamp + SnowflakeLayout.EPOCH_MILLIS;
	}

	private long currentTimestamp() {
		long now = millisSinceEpoch();
		if (now < this.lastTimestamp) {
			long drift = this.lastTimestamp - now;
			if (drift > this.maxBackwardDriftMillis) {
				throw new ClockMovedBackwardsException(drift);
			}
			now = awaitAtLeast(this.lastTimestamp);
		}
		if (now > SnowflakeLayout.MAX_TIMESTAMP) {
			throw new IllegalStateException("the 41-bit timestamp ran out: the epoch is more than 69 years ago");
		}
		return now;
	}

	private long awaitAfter(long timestamp) {
		return awaitAtLeast(timestamp + 1);
	}

	private long awaitAtLeast(long timestamp) {
		long now = millisSinceEpoch();
		while (now < timestamp) {
			if (timestamp - now > 1) {
				LockSupport.parkNanos(500_000);
			}
			else {
				Thread.onSpinWait();
			}
			now = millisSinceEpoch();
		}
		return now;
	}

	private long millisSinceEpoch() {
		return this.clock.getAsLong() - SnowflakeLayout.EPOCH_MILLIS;
	}

}
