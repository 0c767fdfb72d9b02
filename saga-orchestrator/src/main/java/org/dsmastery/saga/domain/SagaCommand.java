package org.dsmastery.saga.domain;

import java.util.List;

/**
 * What the saga asks a participant to do. Every command is idempotent at its participant,
 * so the saga may send it again when a step's deadline passes.
 */
public sealed interface SagaCommand {

	/** Reserve every line, all or nothing (inventory-service). */
	record ReserveStock(List<SagaLine> lines) implements SagaCommand {
	}

	/** Hold the order's amount on the customer's credit (payment-service). */
	record AuthorizePayment(long customerId, long amountCents, String currency) implements SagaCommand {
	}

	/** Approve the order (order-service). */
	record ApproveOrder() implements SagaCommand {
	}

	/** Give back a hold, if there is one (payment-service; compensation). */
	record VoidPayment(String reason) implements SagaCommand {
	}

	/** Give back a reservation, if there is one (inventory-service; compensation). */
	record ReleaseStock(String reason) implements SagaCommand {
	}

	/** Reject the order (order-service; the last compensation). */
	record RejectOrder(String reason) implements SagaCommand {
	}

}
