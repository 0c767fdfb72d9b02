package org.dsmastery.outbox;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dsmastery.devstack.Infra;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against real PostgreSQL and Kafka.
 */
@SpringBootTest(classes = OutboxTests.TestApplication.class,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "outbox")
class OutboxTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Tracer tracer;

	@Autowired
	InMemorySpanExporter spans;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void refusesToAppendOutsideATransaction() {
		assertThatIllegalStateException().isThrownBy(() -> this.outbox.append(message("t", "k", "x")))
			.withMessageContaining("transaction");
	}

	@Test
	void publishesACommittedMessageWithItsKeyAndHeadersThenDrains() {
		String topic = topic();
		OutgoingMessage message = OutgoingMessage.to(topic, "order-7", "OrderPlaced", 1, "{\"orderId\":\"7\"}")
			.correlationId("7")
			.build();

		this.transactions.executeWithoutResult((status) -> this.outbox.append(message));

		ConsumerRecord<String, String> received = consume(topic, 1).getFirst();
		assertThat(received.key()).isEqualTo("order-7");
		assertThat(received.value()).isEqualTo("{\"orderId\":\"7\"}");
		assertThat(IncomingMessages.messageId(received)).isEqualTo(message.messageId().toString());
		assertThat(IncomingMessages.header(received, MessageHeaders.TYPE)).isEqualTo("OrderPlaced");
		assertThat(IncomingMessages.header(received, MessageHeaders.CORRELATION_ID)).isEqualTo("7");
		await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
	}

	@Test
	void aMessageContinuesTheTraceOfTheTransactionThatAppendedItAndLinksTheRelaysSpan() {
		String topic = topic();
		Span business = this.tracer.nextSpan().name("place order").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(business)) {
			this.transactions.executeWithoutResult((status) -> this.outbox.append(message(topic, "order-8", "x")));
		}
		finally {
			business.end();
		}

		// the record's traceparent is the relay's producer span, in the business trace
		String traceparent = IncomingMessages.header(consume(topic, 1).getFirst(), MessageHeaders.TRACEPARENT);
		assertThat(traceparent).matches("00-" + business.context().traceId() + "-[0-9a-f]{16}-0[13]");
		String publishSpanId = traceparent.split("-")[2];
		SpanData publish = await().atMost(Duration.ofSeconds(10))
			.until(() -> exported(publishSpanId), (span) -> span != null);
		assertThat(publish.getName()).isEqualTo("publish " + topic);
		assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
		assertThat(publish.getTraceId()).isEqualTo(business.context().traceId());
		assertThat(publish.getParentSpanId()).isEqualTo(business.context().spanId());
		assertThat(publish.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("messaging.destination.name"),
				topic);
		// ...and links the relay's own span, a trace of its own for the batch
		assertThat(publish.getLinks()).singleElement().satisfies((link) -> {
			SpanData relay = exported(link.getSpanContext().getSpanId());
			assertThat(relay).isNotNull();
			assertThat(relay.getName()).isEqualTo("outbox relay");
			assertThat(relay.getTraceId()).isNotEqualTo(business.context().traceId());
			assertThat(relay.getParentSpanId()).isEqualTo(SpanId.getInvalid());
		});
	}

	@Test
	void aMessageAppendedOutsideATraceIsPublishedInTheRelaysTrace() {
		String topic = topic();
		this.transactions.executeWithoutResult((status) -> this.outbox.append(message(topic, "k", "untraced")));

		String traceparent = IncomingMessages.header(consume(topic, 1).getFirst(), MessageHeaders.TRACEPARENT);
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]");
		SpanData publish = await().atMost(Duration.ofSeconds(10))
			.until(() -> exported(traceparent.split("-")[2]), (span) -> span != null);
		SpanData relay = await().atMost(Duration.ofSeconds(10))
			.until(() -> exported(publish.getParentSpanId()), (span) -> span != null);
		assertThat(relay.getName()).isEqualTo("outbox relay");
		assertThat(relay.getParentSpanId()).isEqualTo(SpanId.getInvalid());
	}

	@Test
	void neverPublishesAMessageWhoseTransactionRolledBack() {
		String topic = topic();

		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(message(topic, "k", "rolled-back"));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> this.outbox.append(message(topic, "k", "committed")));

		// same key, same partition: had the first been published it would arrive first
		assertThat(consume(topic, 1)).extracting(ConsumerRecord::value).containsExactly("committed");
	}

	@Test
	void aCommitThatAppendedWakesTheRelaysAndARollbackDoesNot() throws Exception {
		String topic = topic();
		try (Connection listener = this.dataSource.getConnection()) {
			listener.setAutoCommit(true);
			try (Statement statement = listener.createStatement()) {
				statement.execute("listen " + JdbcOutbox.CHANNEL);
			}
			PGConnection notifications = listener.unwrap(PGConnection.class);

			this.transactions.executeWithoutResult((status) -> {
				this.outbox.append(message(topic, "k", "rolled-back"));
				status.setRollbackOnly();
			});
			assertThat(notifications.getNotifications(500)).isEmpty();

			// two appends, one notification: PostgreSQL folds a transaction's equal ones
			this.transactions.executeWithoutResult((status) -> {
				this.outbox.append(message(topic, "k", "first"));
				this.outbox.append(message(topic, "k", "second"));
			});
			assertThat(notifications.getNotifications(5000)).singleElement()
				.satisfies((notification) -> assertThat(notification.getName()).isEqualTo(JdbcOutbox.CHANNEL));
		}
		assertThat(consume(topic, 2)).extracting(ConsumerRecord::value).containsExactly("first", "second");
	}

	@Test
	void aCrashBetweenCommitAndPublishLosesNothing() {
		String topic = topic();
		this.relay.stop();
		try {
			this.transactions.executeWithoutResult((status) -> this.outbox.append(message(topic, "k", "survivor")));
			assertThat(backlog()).isEqualTo(1);
		}
		finally {
			// the relay of the restarted service finds the message still in the table
			this.relay.start();
		}

		assertThat(consume(topic, 1)).extracting(ConsumerRecord::value).containsExactly("survivor");
	}

	@Test
	void twoRelaysShareTheWorkAndKeepEachKeysOrder() {
		String topic = topic();
		OutboxRelay second = secondInstanceRelay();
		second.start();
		try {
			List<String> keys = List.of("a", "b", "c", "d", "e");
			for (int batch = 0; batch < 20; batch++) {
				int finalBatch = batch;
				this.transactions.executeWithoutResult((status) -> keys
					.forEach((key) -> this.outbox.append(message(topic, key, key + "-" + finalBatch))));
			}

			List<ConsumerRecord<String, String>> received = consume(topic, 100);

			Map<String, List<String>> byKey = new LinkedHashMap<>();
			received
				.forEach((record) -> byKey.computeIfAbsent(record.key(), (k) -> new ArrayList<>()).add(record.value()));
			for (String key : keys) {
				assertThat(byKey.get(key)).as("messages of key %s", key)
					.containsExactlyElementsOf(IntStream.range(0, 20).mapToObj((i) -> key + "-" + i).toList());
			}
		}
		finally {
			second.stop();
			second.destroy();
		}
	}

	private OutboxRelay secondInstanceRelay() {
		Map<String, Object> config = new HashMap<>();
		config.put("bootstrap.servers", this.bootstrapServers);
		config.put("enable.idempotence", true);
		return new OutboxRelay(this.jdbc.getDataSource(), this.transactions,
				new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
				new OutboxProperties(true, 7, Duration.ofMillis(200), Duration.ofSeconds(30)),
				new SimpleMeterRegistry());
	}

	private SpanData exported(String spanId) {
		return this.spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getSpanId().equals(spanId))
			.findFirst()
			.orElse(null);
	}

	private long backlog() {
		return this.jdbc.queryForObject("select count(*) from outbox_message", Long.class);
	}

	private List<ConsumerRecord<String, String>> consume(String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "check-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
			}
			// anything beyond what was expected would be a message that should not exist
			consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			return received;
		}
	}

	private static OutgoingMessage message(String topic, String key, String value) {
		return OutgoingMessage.to(topic, key, "Test", 1, value).build();
	}

	private static String topic() {
		return "outbox.test." + UUID.randomUUID().toString().substring(0, 8);
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		InMemorySpanExporter spans() {
			return InMemorySpanExporter.create();
		}

	}

}
