package org.dsmastery.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * A message on its way to Kafka: topic, key, JSON payload and the platform's headers.
 *
 * @param messageId unique id, the {@code message-id} header
 * @param topic the topic
 * @param key the record key (the order id, for per-order ordering)
 * @param type the {@code type} header
 * @param version the {@code version} header
 * @param payload the JSON payload
 * @param headers all headers, including those above
 */
public record OutgoingMessage(UUID messageId, String topic, String key, String type, int version, String payload,
		Map<String, String> headers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public OutgoingMessage {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(payload, "payload");
		headers = Map.copyOf(headers);
	}

	/**
	 * Starts a message.
	 * @param topic the topic
	 * @param key the record key
	 * @param type the contract type
	 * @param version the contract version
	 * @param payload the JSON payload
	 * @return a builder
	 */
	public static Builder to(String topic, String key, String type, int version, String payload) {
		return new Builder(topic, key, type, version, payload);
	}

	/**
	 * Starts the message of a wire contract: its JSON as the payload, keyed and
	 * correlated by the business key (the order id).
	 * @param topic the topic
	 * @param key the record key and correlation id
	 * @param type the contract's {@code TYPE}
	 * @param version the contract version
	 * @param contract the contract record
	 * @return a builder
	 */
	public static Builder ofContract(String topic, String key, String type, int version, Record contract) {
		return to(topic, key, type, version, JSON.writeValueAsString(contract)).correlationId(key);
	}

	/**
	 * Builds an {@link OutgoingMessage} with its standard headers.
	 */
	public static final class Builder {

		private final String topic;

		private final String key;

		private final String type;

		private final int version;

		private final String payload;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private UUID messageId = UUID.randomUUID();

		private Instant occurredAt = Instant.now();

		private Builder(String topic, String key, String type, int version, String payload) {
			this.topic = topic;
			this.key = key;
			this.type = type;
			this.version = version;
			this.payload = payload;
		}

		/**
		 * Sets the message id (random by default).
		 * @param messageId the id
		 * @return this builder
		 */
		public Builder messageId(UUID messageId) {
			this.messageId = messageId;
			return this;
		}

		/**
		 * Sets the correlation id.
		 * @param correlationId the business process id
		 * @return this builder
		 */
		public Builder correlationId(String correlationId) {
			return header(MessageHeaders.CORRELATION_ID, correlationId);
		}

		/**
		 * Sets the causation id.
		 * @param causationId the message-id of the cause
		 * @return this builder
		 */
		public Builder causationId(String causationId) {
			return header(MessageHeaders.CAUSATION_ID, causationId);
		}

		/**
		 * Sets the saga id.
		 * @param sagaId the saga instance
		 * @return this builder
		 */
		public Builder sagaId(String sagaId) {
			return header(MessageHeaders.SAGA_ID, sagaId);
		}

		/**
		 * Makes this message the answer to a consumed one: its id becomes the causation
		 * id, its saga id, if any, is copied.
		 * @param cause the message answered
		 * @return this builder
		 */
		public Builder answering(ConsumedMessage cause) {
			return causationId(cause.messageId()).sagaId(cause.sagaId());
		}

		/**
		 * Sets when the fact happened (now by default).
		 * @param occurredAt the instant
		 * @return this builder
		 */
		public Builder occurredAt(Instant occurredAt) {
			this.occurredAt = occurredAt;
			return this;
		}

		/**
		 * Adds a header; {@code null} values are skipped.
		 * @param name the header
		 * @param value its value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			if (value != null) {
				this.headers.put(name, value);
			}
			return this;
		}

		/**
		 * Builds the message.
		 * @return the message
		 */
		public OutgoingMessage build() {
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			all.put(MessageHeaders.MESSAGE_ID, this.messageId.toString());
			all.put(MessageHeaders.TYPE, this.type);
			all.put(MessageHeaders.VERSION, Integer.toString(this.version));
			all.put(MessageHeaders.OCCURRED_AT, this.occurredAt.toString());
			return new OutgoingMessage(this.messageId, this.topic, this.key, this.type, this.version, this.payload,
					all);
		}

	}

}
