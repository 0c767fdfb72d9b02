package org.dsmastery.payment.application;

import java.util.List;

/**
 * Numbers the audit needs beyond accounts and payments.
 */
public interface AuditQueries {

	/**
	 * Returns how many messages wait in the outbox.
	 * @return the backlog
	 */
	long outboxBacklog();

	/**
	 * Returns the orders the payment provider authorized more than once (never, if
	 * idempotency keys work).
	 * @return order ids
	 */
	List<String> providerDuplicates();

}
