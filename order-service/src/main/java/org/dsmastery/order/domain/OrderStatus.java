package org.dsmastery.order.domain;

/**
 * Where an order stands. Every order ends in one of the terminal states.
 */
public enum OrderStatus {

	/** Placed; its saga is running. */
	PENDING,

	/** Stock reserved and payment authorized. Terminal. */
	APPROVED,

	/** Could not be fulfilled. Terminal. */
	REJECTED,

	/** Cancelled by the customer while pending. Terminal. */
	CANCELLED;

	/**
	 * Returns whether the order can no longer change.
	 * @return {@code true} for approved, rejected and cancelled
	 */
	public boolean isTerminal() {
		return this != PENDING;
	}

}
