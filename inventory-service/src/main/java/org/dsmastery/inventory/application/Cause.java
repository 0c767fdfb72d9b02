package org.dsmastery.inventory.application;

import java.util.Objects;

/**
 * The message that triggers a use case: who consumes it (for deduplication), its id (the
 * causation id of what it produces) and the saga it belongs to, if any (copied into the
 * reply).
 *
 * @param consumer the consuming handler, a stable name
 * @param messageId the message's id
 * @param sagaId the saga instance, or {@code null}
 */
public record Cause(String consumer, String messageId, String sagaId) {

	public Cause {
		Objects.requireNonNull(consumer, "consumer");
		Objects.requireNonNull(messageId, "messageId");
	}

}
