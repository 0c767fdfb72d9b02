package org.dsmastery.order.domain;

/**
 * Thrown when an order is asked for a transition its state does not allow, such as
 * approving a cancelled order.
 */
public class OrderStateException extends RuntimeException {

	OrderStateException(OrderId orderId, OrderStatus status, String action) {
		super("order " + orderId + " is " + status + " and cannot be " + action);
	}

}
