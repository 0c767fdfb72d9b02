package org.dsmastery.payment.domain;

/**
 * An order's id (a Snowflake id assigned by order-service).
 *
 * @param value the id, positive
 */
public record OrderId(long value) {

	public OrderId {
		if (value <= 0) {
			throw new IllegalArgumentException("an order id is positive: " + value);
		}
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
