package org.dsmastery.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads the platform's headers off a consumed record.
 */
public final class IncomingMessages {

	private IncomingMessages() {
	}

	/**
	 * Returns a header's value.
	 * @param record the record
	 * @param name the header
	 * @return the value, or {@code null} if absent
	 */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Returns the {@code message-id} header, which every platform message has.
	 * @param record the record
	 * @return the message id
	 * @throws IllegalArgumentException if it is missing: such a record cannot be
	 * deduplicated and goes to the DLT
	 */
	public static String messageId(ConsumerRecord<?, ?> record) {
		String id = header(record, MessageHeaders.MESSAGE_ID);
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no " + MessageHeaders.MESSAGE_ID + " header");
		}
		return id;
	}

	/**
	 * Returns what an application service needs to know of a record it handles.
	 * @param consumer the stable name of the consuming handler
	 * @param record the record
	 * @return its consumer, message id and saga id
	 * @throws IllegalArgumentException if the record has no message id
	 */
	public static ConsumedMessage consumed(String consumer, ConsumerRecord<?, ?> record) {
		return new ConsumedMessage(consumer, messageId(record), header(record, MessageHeaders.SAGA_ID));
	}

	/**
	 * Returns the {@code type} header.
	 * @param record the record
	 * @return the type, or {@code null}
	 */
	public static String type(ConsumerRecord<?, ?> record) {
		return header(record, MessageHeaders.TYPE);
	}

}
