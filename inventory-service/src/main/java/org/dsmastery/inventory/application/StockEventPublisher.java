package org.dsmastery.inventory.application;

import org.dsmastery.inventory.domain.StockEvent;

/**
 * Publishes stock events in the caller's transaction (through the outbox).
 */
public interface StockEventPublisher {

	/**
	 * Publishes an event if and only if the current transaction commits.
	 * @param event the event
	 * @param cause the message it answers
	 */
	void publish(StockEvent event, Cause cause);

}
