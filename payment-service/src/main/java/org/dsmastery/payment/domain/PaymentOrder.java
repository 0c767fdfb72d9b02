package org.dsmastery.payment.domain;

/**
 * What payment-service knows of an order: from {@code OrderPlaced} (customer, amount,
 * saga style), and whether it is closed (rejected or cancelled), which is the tombstone
 * that refuses a late authorization. Customer, amount and style are {@code null} while
 * only a later fact about the order was seen.
 *
 * @param orderId the order
 * @param customerId the customer, or {@code null}
 * @param amount the order total, or {@code null}
 * @param sagaStyle how its saga runs, or {@code null}
 * @param closed whether the order was rejected or cancelled
 */
public record PaymentOrder(OrderId orderId, CustomerId customerId, Money amount, SagaStyle sagaStyle, boolean closed) {

	/**
	 * Whether its {@code OrderPlaced} was seen.
	 * @return {@code true} if customer, amount and style are known
	 */
	public boolean placed() {
		return this.customerId != null && this.amount != null && this.sagaStyle != null;
	}

}
