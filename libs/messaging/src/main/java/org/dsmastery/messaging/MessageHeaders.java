package org.dsmastery.messaging;

/**
 * The headers every record of the platform carries (ARCHITECTURE.md, "Messaging"). Values
 * are UTF-8 strings.
 */
public final class MessageHeaders {

	/** Unique id of this message; consumers deduplicate on it. */
	public static final String MESSAGE_ID = "message-id";

	/**
	 * The contract type, its record's {@code TYPE} constant such as {@code OrderPlaced},
	 * never derived from a class name.
	 */
	public static final String TYPE = "type";

	/** The contract's major version, such as {@code 1}. */
	public static final String VERSION = "version";

	/** The business process the message belongs to: the order id. */
	public static final String CORRELATION_ID = "correlation-id";

	/** The message-id of the message whose handling produced this one. */
	public static final String CAUSATION_ID = "causation-id";

	/** The saga instance, where the message is part of one. */
	public static final String SAGA_ID = "saga-id";

	/** When the fact happened or the command was issued, ISO-8601. */
	public static final String OCCURRED_AT = "occurred-at";

	/** W3C trace context, where a trace was active when the message was written. */
	public static final String TRACEPARENT = "traceparent";

	private MessageHeaders() {
	}

}
