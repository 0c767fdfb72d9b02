package org.dsmastery.inventory.application;

/**
 * How many messages wait in the outbox.
 */
public interface OutboxBacklog {

	/**
	 * Counts the unpublished messages.
	 * @return the backlog
	 */
	long size();

}
