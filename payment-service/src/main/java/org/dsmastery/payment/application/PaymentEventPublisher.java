package org.dsmastery.payment.application;

import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.payment.domain.PaymentEvent;

/**
 * Publishes payment events; must be called in the transaction of the change they report.
 */
public interface PaymentEventPublisher {

	/**
	 * Publishes an event as the answer to a message.
	 * @param event the event
	 * @param cause the message it answers: its id becomes the causation id, its saga id
	 * is copied
	 */
	void publish(PaymentEvent event, ConsumedMessage cause);

}
