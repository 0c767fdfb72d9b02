package org.dsmastery.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dsmastery.messaging.OutgoingMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox in PostgreSQL. A trigger on the table sends {@code NOTIFY outbox} with each
 * insert, which PostgreSQL delivers when, and only if, the transaction commits, so the
 * relay wakes at once; it costs the append no round trip of its own. The row's headers
 * also hold the trace context of the code that appended it ({@link OutboxTracing}), so
 * the relay continues that trace.
 */
public class JdbcOutbox implements Outbox {

	static final String CHANNEL = "outbox";

	static final int LANES = 16;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final OutboxTracing tracing;

	/**
	 * Creates an outbox that stores no trace context.
	 * @param jdbc the service's database
	 */
	public JdbcOutbox(JdbcTemplate jdbc) {
		this(jdbc, OutboxTracing.NONE);
	}

	/**
	 * Creates the outbox.
	 * @param jdbc the service's database
	 * @param tracing captures the current trace context with each row
	 */
	public JdbcOutbox(JdbcTemplate jdbc, OutboxTracing tracing) {
		this.jdbc = jdbc;
		this.tracing = tracing;
	}

	@Override
	public void append(OutgoingMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Outbox.append needs the business transaction: without it the message and the change can diverge");
		}
		Map<String, String> headers = new LinkedHashMap<>(message.headers());
		this.tracing.capture(headers);
		this.jdbc.update("""
				insert into outbox_message (message_id, topic, message_key, lane, type, headers, payload)
				values (?, ?, ?, mod(abs(hashtext(?)), ?), ?, ?::jsonb, ?)""", message.messageId(), message.topic(),
				message.key(), message.key(), LANES, message.type(), toJson(headers), message.payload());
	}

	static String toJson(Map<String, String> headers) {
		return JSON.writeValueAsString(headers);
	}

}
