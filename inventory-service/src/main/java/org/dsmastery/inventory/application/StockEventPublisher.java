package org.dsmastery.inventory.application;

import org.dsmastery.inventory.domain.StockEvent;
import org.dsmastery.messaging.ConsumedMessage;

/**
 * Publishes stock events in the caller's transaction (through the outbox).
 */
public interface StockEventPublisher {

	/**
	 * Publishes an event if and only if the current transaction commits.
	 * @param event the event
	 * @param cause the message it answers: its id becomes the causation id, its saga id
	 * is copied
	 */
	void publish(StockEvent event, ConsumedMessage cause);

}
