package org.dsmastery.outbox;

import org.dsmastery.messaging.OutgoingMessage;

/**
 * Writes messages to the outbox table in the caller's transaction: they are published if
 * and only if that transaction commits.
 */
public interface Outbox {

	/**
	 * Appends a message; must run inside a transaction on the service's database.
	 * @param message the message
	 * @throws IllegalStateException if no transaction is active
	 */
	void append(OutgoingMessage message);

}
