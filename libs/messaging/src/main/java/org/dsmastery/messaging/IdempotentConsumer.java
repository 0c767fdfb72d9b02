package org.dsmastery.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives exactly-once effects on top of at-least-once delivery: the message id is recorded
 * in a {@code processed_message} table in the same PostgreSQL transaction as the effect,
 * so a redelivered message finds its id already there and changes nothing.
 *
 * <pre class="code">
 * &#64;KafkaListener(topics = OrderTopics.COMMANDS)
 * void on(ConsumerRecord&lt;String, String&gt; record) {
 *     consumer.handleOnce("order-commands", record, () -&gt; orders.approve(...));
 * }
 * </pre>
 */
public class IdempotentConsumer {

	private static final Logger logger = LoggerFactory.getLogger(IdempotentConsumer.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/**
	 * Creates the consumer helper.
	 * @param jdbc the service's database
	 * @param transactions transactions on the same database
	 */
	public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Runs {@code effect} unless this consumer already processed the record's message, in
	 * one transaction with the record of having processed it.
	 * @param consumer a stable name of the consuming handler
	 * @param record the record
	 * @param effect the database changes the message causes
	 * @return {@code true} if the effect ran, {@code false} for a duplicate
	 */
	public boolean handleOnce(String consumer, ConsumerRecord<?, ?> record, Runnable effect) {
		String messageId = IncomingMessages.messageId(record);
		Boolean applied = this.transactions.execute((status) -> {
			if (!markProcessed(consumer, messageId)) {
				return false;
			}
			effect.run();
			return true;
		});
		if (!Boolean.TRUE.equals(applied)) {
			logger.debug("{} skipped duplicate message {}", consumer, messageId);
			return false;
		}
		return true;
	}

	/**
	 * Records that {@code consumer} processed {@code messageId}; call inside the effect's
	 * transaction.
	 * @param consumer the consuming handler
	 * @param messageId the message id
	 * @return {@code true} the first time, {@code false} if it was processed before
	 */
	public boolean markProcessed(String consumer, String messageId) {
		return this.jdbc.update("""
				insert into processed_message (consumer, message_id) values (?, ?)
				on conflict (consumer, message_id) do nothing""", consumer, messageId) == 1;
	}

}
