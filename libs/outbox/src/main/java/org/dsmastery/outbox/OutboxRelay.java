package org.dsmastery.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes what the outbox holds to Kafka, then deletes it.
 * <p>
 * Wakes on PostgreSQL's {@code NOTIFY outbox} (sent when a business transaction with
 * outbox rows commits) and, as a fallback, every {@code poll-interval}. Messages are
 * spread over 16 lanes by key; a relay takes a lane with a transaction-scoped advisory
 * lock and its rows with {@code FOR UPDATE SKIP LOCKED}, so relays of several instances
 * share the work while the messages of one key (one order) are always published by one
 * relay, in order. A batch is deleted only after Kafka acknowledged all of it: a crash in
 * between publishes it again, which idempotent consumers absorb; nothing is lost.
 * <p>
 * Each message is published in a producer span that continues the trace stored with its
 * row, with a link to the relay's span of the batch ({@link OutboxTracing}).
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int LOCK_NAMESPACE = 0x0b0c;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Producer<String, byte[]> producer;

	private final OutboxProperties properties;

	private final OutboxTracing tracing;

	private final Counter published;

	private volatile boolean running;

	private Thread thread;

	private Connection listener;

	/**
	 * Creates the relay.
	 * @param dataSource the service's database
	 * @param transactions transactions on it
	 * @param producer an idempotent Kafka producer
	 * @param properties settings
	 * @param meterRegistry where lag, backlog and throughput are reported
	 */
	public OutboxRelay(DataSource dataSource, TransactionTemplate transactions, Producer<String, byte[]> producer,
			OutboxProperties properties, MeterRegistry meterRegistry) {
		this(dataSource, transactions, producer, properties, meterRegistry, OutboxTracing.NONE);
	}

	/**
	 * Creates the relay.
	 * @param dataSource the service's database
	 * @param transactions transactions on it
	 * @param producer an idempotent Kafka producer
	 * @param properties settings
	 * @param meterRegistry where lag, backlog and throughput are reported
	 * @param tracing continues each message's trace
	 */
	public OutboxRelay(DataSource dataSource, TransactionTemplate transactions, Producer<String, byte[]> producer,
			OutboxProperties properties, MeterRegistry meterRegistry, OutboxTracing tracing) {
		this.dataSource = dataSource;
		this.tracing = tracing;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = transactions;
		this.producer = producer;
		this.properties = properties;
		this.published = Counter.builder("outbox.published")
			.description("Messages relayed to Kafka")
			.register(meterRegistry);
		Gauge.builder("outbox.backlog", this, OutboxRelay::backlog)
			.description("Messages committed but not yet acknowledged by Kafka")
			.register(meterRegistry);
		Gauge.builder("outbox.lag", this, OutboxRelay::lagSeconds)
			.description("Age of the oldest unpublished message")
			.baseUnit("seconds")
			.register(meterRegistry);
	}

	/**
	 * Publishes one batch: the oldest messages of every lane no other relay holds.
	 * @return how many messages were published
	 */
	public int relayOnce() {
		Integer count = this.transactions.execute((status) -> relayBatch());
		int published = (count != null) ? count : 0;
		if (published > 0) {
			this.published.increment(published);
		}
		return published;
	}

	private int relayBatch() {
		// one round trip: the lanes no other relay holds (an init plan, evaluated once),
		// then their oldest rows
		List<Row> rows = this.jdbc.query("""
				select id, topic, message_key, headers::text, payload from outbox_message
				where lane = any(array(select lane from generate_series(0, ?) as lane
				                       where pg_try_advisory_xact_lock(?, lane)))
				order by id limit ? for update skip locked""",
				(rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
				JdbcOutbox.LANES - 1, LOCK_NAMESPACE, this.properties.batchSize());
		if (rows.isEmpty()) {
			return 0;
		}
		Span relay = this.tracing.startRelay(rows.size());
		try (Tracer.SpanInScope scope = this.tracing.inScope(relay)) {
			List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
			for (Row row : rows) {
				Map<String, String> headers = JSON.readValue(row.headers(), HEADERS);
				ProducerRecord<String, byte[]> record = row.toRecord(headers);
				Span publish = this.tracing.startPublish(record, headers, relay);
				acks.add(this.producer.send(record, (metadata, failure) -> {
					if (failure != null) {
						publish.error(failure);
					}
					publish.end();
				}));
			}
			this.producer.flush();
			awaitAll(acks);
			this.jdbc.update("delete from outbox_message where id = any(?)",
					(Object) rows.stream().map(Row::id).toArray(Long[]::new));
			return rows.size();
		}
		catch (RuntimeException ex) {
			relay.error(ex);
			throw ex;
		}
		finally {
			relay.end();
		}
	}

	private void awaitAll(List<Future<RecordMetadata>> acks) {
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		try {
			for (Future<RecordMetadata> ack : acks) {
				ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the batch; it stays in the outbox", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while publishing", ex);
		}
	}

	private void loop() {
		while (this.running) {
			try {
				if (relayOnce() == 0) {
					awaitNotification();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Outbox relay failed; retrying in {}: {}", this.properties.pollInterval(), ex.toString());
				closeListener();
				pause();
			}
		}
		closeListener();
	}

	/**
	 * Blocks until a NOTIFY arrives or the poll interval passes.
	 */
	private void awaitNotification() {
		try {
			if (this.listener == null) {
				this.listener = this.dataSource.getConnection();
				this.listener.setAutoCommit(true);
				try (Statement statement = this.listener.createStatement()) {
					statement.execute("listen " + JdbcOutbox.CHANNEL);
				}
			}
			this.listener.unwrap(PGConnection.class).getNotifications((int) this.properties.pollInterval().toMillis());
		}
		catch (SQLException ex) {
			closeListener();
			pause();
		}
	}

	private void closeListener() {
		if (this.listener != null) {
			try {
				this.listener.close();
			}
			catch (SQLException ex) {
				// the connection is gone either way
			}
			this.listener = null;
		}
	}

	private void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(this.properties.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private double backlog() {
		Long count = this.jdbc.queryForObject("select count(*) from outbox_message", Long.class);
		return (count != null) ? count : 0;
	}

	private double lagSeconds() {
		Double lag = this.jdbc.queryForObject(
				"select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_message", Double.class);
		return (lag != null) ? lag : 0;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(this.properties.sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void destroy() {
		this.producer.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Row(long id, String topic, String key, String headers, String payload) {

		ProducerRecord<String, byte[]> toRecord(Map<String, String> headers) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, this.key,
					this.payload.getBytes(StandardCharsets.UTF_8));
			headers.forEach((name, value) -> record.headers()
				.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
			return record;
		}

	}

}
