package org.dsmastery.inventory.domain;

/**
 * The order a reservation belongs to: a Snowflake id issued by order-service.
 *
 * @param value the id, positive
 */
public record OrderId(long value) {

	public OrderId {
		if (value <= 0) {
			throw new IllegalArgumentException("not an order id: " + value);
		}
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
