package org.dsmastery.snowflake;

/**
 * Thrown when the wall clock moved backwards further than a generator is willing to wait:
 * issuing ids then could repeat ids already issued.
 */
public class ClockMovedBackwardsException extends IllegalStateException {

	private final long driftMillis;

	/**
	 * Creates the exception.
	 * @param driftMillis how far, in milliseconds, the clock is behind the last issued id
	 */
	public ClockMovedBackwardsException(long driftMillis) {
		super("clock moved backwards by " + driftMillis + " ms; refusing to issue ids until it catches up");
		this.driftMillis = driftMillis;
	}

	/**
	 * Returns how far the clock was behind.
	 * @return the drift in milliseconds
	 */
	public long getDriftMillis() {
		return this.driftMillis;
	}

}
