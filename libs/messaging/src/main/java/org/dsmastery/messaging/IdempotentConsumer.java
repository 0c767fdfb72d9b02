package org.dsmastery.messaging;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's one way to consume a message once: exactly-once effects on top of
 * at-least-once delivery. {@code handleOnce} opens a PostgreSQL transaction, records
 * {@code (consumer, message-id)} in the {@code processed_message} table and runs the
 * effect in that same transaction: a redelivered message finds its id already there and
 * changes nothing, and an effect that fails leaves no mark, so its redelivery applies.
 * <p>
 * Call it where the effect's transaction should begin. Usually that is the listener,
 * around one application call:
 *
 * <pre class="code">
 * &#64;KafkaListener(topics = OrderTopics.COMMANDS)
 * void on(ConsumerRecord&lt;String, String&gt; record) {
 *     idempotent.handleOnce(IncomingMessages.consumed("order-commands", record), () -&gt; orders.approve(...));
 * }
 * </pre>
 *
 * An application service whose transaction must begin later takes the
 * {@link ConsumedMessage} and calls it itself: payment-service after it called the
 * payment provider, inventory-service once it holds its sku locks.
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
	 * Runs {@code effect} unless its consumer already processed the message, in one
	 * transaction with the record of having processed it.
	 * @param message the message and its consumer
	 * @param effect the database changes the message causes
	 * @return {@code true} if the effect ran, {@code false} for a duplicate
	 */
	public boolean handleOnce(ConsumedMessage message, Runnable effect) {
		return handleOnce(message, () -> {
			effect.run();
			return Optional.of(Boolean.TRUE);
		}).isPresent();
	}

	/**
	 * Runs {@code effect} unless its consumer already processed the message, in one
	 * transaction with the record of having processed it, and returns its result.
	 * @param <T> the effect's result
	 * @param message the message and its consumer
	 * @param effect the database changes the message causes, and what they produced
	 * @return the effect's result, or empty for a duplicate
	 */
	public <T> Optional<T> handleOnce(ConsumedMessage message, Supplier<Optional<T>> effect) {
		Optional<T> result = this.transactions.execute((status) -> {
			if (!markProcessed(message)) {
				logger.debug("{} skipped duplicate message {}", message.consumer(), message.messageId());
				return Optional.<T>empty();
			}
			return effect.get();
		});
		return (result != null) ? result : Optional.empty();
	}

	private boolean markProcessed(ConsumedMessage message) {
		return this.jdbc.update("""
				insert into processed_message (consumer, message_id) values (?, ?)
				on conflict (consumer, message_id) do nothing""", message.consumer(), message.messageId()) == 1;
	}

}
