package org.dsmastery.payment.application;

import java.util.Objects;

/**
 * The message that triggered a use case: who handles it (for deduplication), its id (the
 * causation id of what it causes) and the saga it belongs to, if any.
 *
 * @param consumer the stable name of the consuming handler
 * @param messageId the message id
 * @param sagaId the saga id to copy into replies, or {@code null}
 */
public record Trigger(String consumer, String messageId, String sagaId) {

	public Trigger {
		Objects.requireNonNull(consumer, "consumer");
		Objects.requireNonNull(messageId, "messageId");
	}

}
