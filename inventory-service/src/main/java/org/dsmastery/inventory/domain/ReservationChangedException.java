package org.dsmastery.inventory.domain;

/**
 * The reservation of an order appeared or changed between reading it and locking its
 * skus; the operation is repeated.
 */
public class ReservationChangedException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param orderId the order
	 */
	public ReservationChangedException(OrderId orderId) {
		super("the reservation of order " + orderId + " changed concurrently");
	}

}
