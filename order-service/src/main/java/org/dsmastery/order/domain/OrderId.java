package org.dsmastery.order.domain;

/**
 * Identity of an order: a Snowflake id.
 *
 * @param value the id, positive
 */
public record OrderId(long value) {

	public OrderId {
		if (value <= 0) {
			throw new IllegalArgumentException("an order id is positive, was " + value);
		}
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
