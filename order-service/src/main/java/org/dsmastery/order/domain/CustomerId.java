package org.dsmastery.order.domain;

/**
 * Identity of a customer.
 *
 * @param value the id, positive
 */
public record CustomerId(long value) {

	public CustomerId {
		if (value <= 0) {
			throw new IllegalArgumentException("a customer id is positive, was " + value);
		}
	}

}
