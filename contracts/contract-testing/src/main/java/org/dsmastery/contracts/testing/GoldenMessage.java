package org.dsmastery.contracts.testing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.dsmastery.messaging.OutgoingMessage;

/**
 * A contract's golden example as its producer puts it on Kafka, for consumers' tests that
 * drive it through their real listeners: the headers come from the
 * {@link OutgoingMessage} builder the producers' outbox publishers use.
 *
 * @param contract the contract's record
 * @param topic the contract's topic
 * @param type the contract's {@code TYPE}
 * @param version the contract's version
 * @param json the golden JSON example
 */
public record GoldenMessage(Class<? extends Record> contract, String topic, String type, int version, String json) {

	/** The order id every golden example is about. */
	public static final String GOLDEN_ORDER_ID = "251385792545427456";

	/**
	 * Starts this example's message about a given order, so that tests never share one:
	 * the order id replaces the golden's, and keys and correlates the message, which also
	 * gets a fresh message id, the type and the version. Add the other headers its
	 * producer sets (a saga id, a stream version) before building it.
	 * @param orderId the order
	 * @return the builder
	 */
	public OutgoingMessage.Builder about(long orderId) {
		String key = Long.toString(orderId);
		return OutgoingMessage.to(this.topic, key, this.type, this.version, this.json.replace(GOLDEN_ORDER_ID, key))
			.correlationId(key);
	}

	/**
	 * Returns the Kafka record of a message, as the outbox relay publishes it.
	 * @param message the message
	 * @return the record
	 */
	public static ProducerRecord<String, String> record(OutgoingMessage message) {
		ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
		message.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

}
