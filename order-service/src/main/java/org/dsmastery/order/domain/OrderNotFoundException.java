package org.dsmastery.order.domain;

/**
 * Thrown when no order has the given id.
 */
public class OrderNotFoundException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param orderId the id looked for
	 */
	public OrderNotFoundException(OrderId orderId) {
		super("no order " + orderId);
	}

}
