package org.dsmastery.perf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;
import org.dsmastery.messaging.LibrarySchema;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.outbox.JdbcOutbox;
import org.dsmastery.outbox.OutboxProperties;
import org.dsmastery.outbox.OutboxRelay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages per second the outbox relay moves from PostgreSQL to Kafka, against a raw
 * idempotent {@code KafkaProducer} sending the same records (same size, same headers,
 * same acks) with no database in between. Both run against real servers started by
 * devstack in this JVM's temporary directory.
 */
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = { "-XX:+UseSerialGC", "-Xmx512m" })
public class OutboxRelayBenchmark extends ThroughputBenchmark {

	static final int BATCH = 2000;

	private static final String TOPIC = "bench.outbox.v1";

	private static final String PAYLOAD = "{\"orderId\":\"251385792545427456\",\"customerId\":\"42\",\"lines\":"
			+ "[{\"sku\":\"SKU-KEYBOARD\",\"quantity\":2,\"unitPriceCents\":4999}],\"totalCents\":9998,"
			+ "\"currency\":\"EUR\",\"sagaStyle\":\"orchestrated\",\"placedAt\":\"2026-11-25T16:37:23.465Z\"}";

	private DevStack stack;

	private JdbcOutbox outbox;

	private TransactionTemplate transactions;

	private OutboxRelay relay;

	private KafkaProducer<String, byte[]> raw;

	private List<OutgoingMessage> messages;

	/**
	 * Starts PostgreSQL and Kafka and creates the outbox table.
	 * @throws Exception if they do not start
	 */
	@Setup(Level.Trial)
	public void startInfrastructure() throws Exception {
		Path directory = Files.createTempDirectory("outbox-bench-");
		DevStackConfig config = DevStackConfig.ephemeral(directory, List.of("bench"));
		this.stack = DevStack.start(config, EnumSet.of(Infra.POSTGRES, Infra.KAFKA), false);
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(config.jdbcUrl("bench"));
		dataSource.setUser("postgres");
		dataSource.setPassword("postgres");
		LibrarySchema.migrate(dataSource, "outbox");
		SingleConnectionDataSource connection = new SingleConnectionDataSource(dataSource.getConnection(), true);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
		this.outbox = new JdbcOutbox(new JdbcTemplate(connection));
		Map<String, Object> producer = new HashMap<>();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		this.relay = new OutboxRelay(dataSource, this.transactions,
				new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer()),
				new OutboxProperties(false, 500, Duration.ofSeconds(1), Duration.ofSeconds(30)),
				new SimpleMeterRegistry());
		this.raw = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
		this.messages = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			this.messages.add(OutgoingMessage.to(TOPIC, "order-" + (i % 100), "OrderPlaced", 1, PAYLOAD)
				.correlationId("order-" + (i % 100))
				.build());
		}
	}

	void commitBatch() {
		this.transactions.executeWithoutResult((status) -> this.messages.forEach(this.outbox::append));
	}

	/**
	 * The relay drains the outbox: read, publish, await acks, delete.
	 * @param batch a batch committed into the outbox before the measured call
	 * @return messages published
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int outboxRelay(CommittedBatch batch) {
		int published = 0;
		while (published < BATCH) {
			published += this.relay.relayOnce();
		}
		return published;
	}

	/**
	 * The same records straight into Kafka.
	 * @return the last acknowledgement
	 * @throws Exception if Kafka fails
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public RecordMetadata rawProducer() throws Exception {
		List<Future<RecordMetadata>> acks = new ArrayList<>(BATCH);
		for (OutgoingMessage message : this.messages) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, message.key(),
					message.payload().getBytes(StandardCharsets.UTF_8));
			message.headers()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			acks.add(this.raw.send(record));
		}
		this.raw.flush();
		RecordMetadata last = null;
		for (Future<RecordMetadata> ack : acks) {
			last = ack.get();
		}
		return last;
	}

	/**
	 * A batch of messages committed into the outbox, outside the measured time.
	 */
	@State(Scope.Benchmark)
	public static class CommittedBatch {

		/**
		 * Commits the batch.
		 * @param benchmark the benchmark state
		 */
		@Setup(Level.Invocation)
		public void commit(OutboxRelayBenchmark benchmark) {
			benchmark.commitBatch();
		}

	}

	/**
	 * Stops everything.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		this.relay.destroy();
		this.raw.close();
		this.stack.close();
	}

}
