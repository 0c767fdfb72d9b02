package org.dsmastery.order.application;

import java.util.List;

import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderId;

/**
 * Publishes an order's new events; must join the transaction that appends them.
 */
public interface OrderEventPublisher {

	/**
	 * Publishes events just appended to an order's stream.
	 * @param orderId the order
	 * @param firstVersion the stream version of the first event
	 * @param events the events
	 * @param causationId the message that caused them, or {@code null} for an HTTP
	 * request
	 */
	void publish(OrderId orderId, int firstVersion, List<OrderEvent> events, String causationId);

}
