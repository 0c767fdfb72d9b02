package org.dsmastery.saga.domain;

/**
 * Where a PlaceOrder saga stands. Forward steps first, then compensations, then the
 * terminal states.
 */
public enum SagaState {

	/**
	 * {@code ReserveStock} sent, waiting for {@code StockReserved} /
	 * {@code StockRejected}.
	 */
	RESERVING_STOCK,

	/**
	 * {@code AuthorizePayment} sent, waiting for {@code PaymentAuthorized} /
	 * {@code PaymentDeclined}.
	 */
	AUTHORIZING_PAYMENT,

	/** {@code ApproveOrder} sent, waiting for {@code OrderApproved}. */
	APPROVING_ORDER,

	/** Compensation: {@code VoidPayment} sent after the payment step timed out. */
	VOIDING_PAYMENT,

	/** Compensation: {@code ReleaseStock} sent, waiting for {@code StockReleased}. */
	RELEASING_STOCK,

	/** Compensation: {@code RejectOrder} sent, waiting for {@code OrderRejected}. */
	REJECTING_ORDER,

	/** Terminal: the order was approved. */
	APPROVED,

	/** Terminal: the order was rejected and nothing of it is held. */
	REJECTED,

	/** Terminal: the customer cancelled the order while the saga ran. */
	CANCELLED;

	/**
	 * Whether the saga is over.
	 * @return {@code true} for {@link #APPROVED}, {@link #REJECTED} and
	 * {@link #CANCELLED}
	 */
	public boolean isTerminal() {
		return this == APPROVED || this == REJECTED || this == CANCELLED;
	}

	/**
	 * Whether the state undoes earlier steps.
	 * @return {@code true} for the voiding, releasing and rejecting states
	 */
	public boolean isCompensating() {
		return this == VOIDING_PAYMENT || this == RELEASING_STOCK || this == REJECTING_ORDER;
	}

}
