package org.dsmastery.inventory.application;

/**
 * Remembers which messages a consumer has applied, in the transaction of the effect: a
 * redelivered message finds its mark and changes nothing.
 */
public interface ProcessedMessages {

	/**
	 * Marks a message as processed; call inside the effect's transaction.
	 * @param cause the message
	 * @return {@code true} the first time, {@code false} for a duplicate
	 */
	boolean markProcessed(Cause cause);

}
