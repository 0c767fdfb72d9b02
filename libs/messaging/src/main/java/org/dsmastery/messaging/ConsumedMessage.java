package org.dsmastery.messaging;

import java.util.Objects;

/**
 * The message a use case runs for, as the application layer sees it: who consumes it
 * (with the message id, what {@link IdempotentConsumer} deduplicates on), its id (the
 * causation id of what the use case publishes) and the saga it belongs to, if any (copied
 * into the answer). A plain record without Kafka or Spring types, so application services
 * take it as a parameter; {@link IncomingMessages#consumed} reads it off a record.
 *
 * @param consumer the consuming handler, a stable name
 * @param messageId the message's id
 * @param sagaId the saga instance, or {@code null}
 */
public record ConsumedMessage(String consumer, String messageId, String sagaId) {

	public ConsumedMessage {
		Objects.requireNonNull(consumer, "consumer");
		Objects.requireNonNull(messageId, "messageId");
	}

}
