package org.dsmastery.snowflake;

import java.time.Instant;

/**
 * A Snowflake id taken apart into its fields.
 *
 * @param id the id
 * @param timestamp the instant the id was issued, to the millisecond
 * @param workerId the worker that issued it
 * @param sequence its sequence within that millisecond
 */
public record SnowflakeId(long id, Instant timestamp, int workerId, int sequence) {

	/**
	 * Decodes an id.
	 * @param id a Snowflake id
	 * @return its fields
	 * @throws IllegalArgumentException if the id is negative, so cannot be a Snowflake id
	 */
	public static SnowflakeId decode(long id) {
		if (id < 0) {
			throw new IllegalArgumentException("a Snowflake id is never negative: " + id);
		}
		long millis = id >>> SnowflakeLayout.TIMESTAMP_SHIFT;
		int workerId = (int) ((id >>> SnowflakeLayout.WORKER_SHIFT) & SnowflakeLayout.MAX_WORKER_ID);
		int sequence = (int) (id & SnowflakeLayout.MAX_SEQUENCE);
		return new SnowflakeId(id, Instant.ofEpochMilli(SnowflakeLayout.EPOCH_MILLIS + millis), workerId, sequence);
	}

}
