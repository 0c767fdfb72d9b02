package org.dsmastery.inventory.domain;

/**
 * A stock write carried a fencing token no greater than the one already on the row: its
 * lock's lease expired and a newer holder wrote since. The whole transaction rolls back;
 * the triggering message is retried and takes the lock afresh.
 */
public class StaleFencingTokenException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param sku the row that refused the write
	 * @param token the stale token
	 */
	public StaleFencingTokenException(Sku sku, long token) {
		super("stock of " + sku.code() + " refused a write with fencing token " + token
				+ ": a newer lock holder wrote it");
	}

}
