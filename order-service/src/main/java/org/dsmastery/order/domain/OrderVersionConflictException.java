package org.dsmastery.order.domain;

/**
 * Thrown when an order's stream moved on between loading it and appending to it: another
 * writer won. Nothing was written; load again and retry.
 */
public class OrderVersionConflictException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param orderId the order
	 * @param expectedVersion the version the writer loaded
	 */
	public OrderVersionConflictException(OrderId orderId, int expectedVersion) {
		super("order " + orderId + " changed after version " + expectedVersion + " was read");
	}

}
