package org.dsmastery.payment.domain;

/**
 * No payment for the order.
 */
public class PaymentNotFoundException extends RuntimeException {

	public PaymentNotFoundException(OrderId orderId) {
		super("no payment for order " + orderId);
	}

}
