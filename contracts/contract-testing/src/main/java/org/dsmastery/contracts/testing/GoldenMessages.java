package org.dsmastery.contracts.testing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.dsmastery.messaging.OutgoingMessage;

/**
 * Golden examples as their producers put them on Kafka, for consumers' contract tests
 * that drive them through the real listeners: the headers come from the same
 * {@link OutgoingMessage} builder the producers' outbox publishers use.
 */
public final class GoldenMessages {

	/** The order id every golden example is about. */
	public static final String GOLDEN_ORDER_ID = "251385792545427456";

	private GoldenMessages() {
	}

	/**
	 * Starts a golden example's message about a given order: keyed and correlated by that
	 * order, with a fresh message id, the type and the version. Add the headers the
	 * producer adds for this message (a saga id, a stream version) before building it.
	 * @param orderId the order the message is made to be about, in place of the golden's
	 * (so that tests never share an order)
	 * @param topic the contract's topic
	 * @param type the contract's {@code TYPE}
	 * @param version the contract's version
	 * @param golden the golden JSON example
	 * @return the builder
	 */
	public static OutgoingMessage.Builder about(long orderId, String topic, String type, int version, String golden) {
		String key = Long.toString(orderId);
		return OutgoingMessage.to(topic, key, type, version, golden.replace(GOLDEN_ORDER_ID, key)).correlationId(key);
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
