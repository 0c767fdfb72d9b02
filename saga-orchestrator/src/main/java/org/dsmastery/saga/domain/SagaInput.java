package org.dsmastery.saga.domain;

/**
 * What can happen to a running saga: a participant's reply, a fact about the order, or
 * the step's deadline passing.
 */
public sealed interface SagaInput {

	/** Every line is reserved. */
	record StockReserved() implements SagaInput {
	}

	/** The stock could not be reserved; nothing is held. */
	record StockRejected(String reason) implements SagaInput {
	}

	/** The reservation was given back (or there was none). */
	record StockReleased() implements SagaInput {
	}

	/** The amount is held. */
	record PaymentAuthorized() implements SagaInput {
	}

	/** The amount could not be held; nothing is held. */
	record PaymentDeclined(String reason) implements SagaInput {
	}

	/** The hold was given back (or there was none). */
	record PaymentVoided() implements SagaInput {
	}

	/** order-service approved the order. */
	record OrderApproved() implements SagaInput {
	}

	/** order-service rejected the order. */
	record OrderRejected(String reason) implements SagaInput {
	}

	/** The customer cancelled the order. */
	record OrderCancelled(String reason) implements SagaInput {
	}

	/** The current step did not finish before its deadline. */
	record DeadlinePassed() implements SagaInput {
	}

}
