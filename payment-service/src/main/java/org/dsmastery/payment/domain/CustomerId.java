package org.dsmastery.payment.domain;

/**
 * A customer's id; a customer has at most one account.
 *
 * @param value the id, positive
 */
public record CustomerId(long value) {

	public CustomerId {
		if (value <= 0) {
			throw new IllegalArgumentException("a customer id is positive: " + value);
		}
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
