package org.dsmastery.snowflake;

import java.time.Instant;

/**
 * The bit layout of a Snowflake id: one unused sign bit, 41 bits of milliseconds since
 * {@link #EPOCH}, 10 bits of worker id and 12 bits of per-millisecond sequence.
 *
 * <pre>
 * 0 | 41 bits: ms since 2025-01-01T00:00:00Z | 10 bits: worker | 12 bits: sequence
 * </pre>
 *
 * The layout allows 1024 workers, each issuing at most 4096 ids per millisecond, for
 * about 69 years after the epoch.
 */
public final class SnowflakeLayout {

	/** The custom epoch: 2025-01-01T00:00:00Z. */
	public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

	/** {@link #EPOCH} in Unix milliseconds. */
	public static final long EPOCH_MILLIS = EPOCH.toEpochMilli();

	/** Bits of the timestamp field. */
	public static final int TIMESTAMP_BITS = 41;

	/** Bits of the worker field. */
	public static final int WORKER_BITS = 10;

	/** Bits of the sequence field. */
	public static final int SEQUENCE_BITS = 12;

	/** Highest worker id, 1023. */
	public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;

	/** Highest sequence within one millisecond, 4095. */
	public static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

	/** Highest timestamp (milliseconds since the epoch) the layout can hold. */
	public static final long MAX_TIMESTAMP = (1L << TIMESTAMP_BITS) - 1;

	/** Ids one worker can issue per second at most: 4096 per ms, 4,096,000 per second. */
	public static final long MAX_IDS_PER_SECOND = (MAX_SEQUENCE + 1) * 1000L;

	static final int WORKER_SHIFT = SEQUENCE_BITS;

	static final int TIMESTAMP_SHIFT = SEQUENCE_BITS + WORKER_BITS;

	private SnowflakeLayout() {
	}

	/**
	 * Composes an id from its fields.
	 * @param timestamp milliseconds since {@link #EPOCH}
	 * @param workerId the worker id, 0..1023
	 * @param sequence the sequence, 0..4095
	 * @return the id
	 */
	public static long compose(long timestamp, int workerId, int sequence) {
		if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
			throw new IllegalArgumentException("timestamp out of range: " + timestamp);
		}
		checkWorkerId(workerId);
		if (sequence < 0 || sequence > MAX_SEQUENCE) {
			throw new IllegalArgumentException("sequence out of range: " + sequence);
		}
		return (timestamp << TIMESTAMP_SHIFT) | ((long) workerId << WORKER_SHIFT) | sequence;
	}

	static int checkWorkerId(int workerId) {
		if (workerId < 0 || workerId > MAX_WORKER_ID) {
			throw new IllegalArgumentException("worker id must be in 0.." + MAX_WORKER_ID + ", was " + workerId);
		}
		return workerId;
	}

}
