package org.dsmastery.perf;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The PlaceOrder saga under load on the running platform ({@code ./platform up}), both
 * styles side by side in one run, against a raw Kafka pipeline with the same number of
 * hops: completed orders per second and the p50 / p99 time from {@code POST /api/orders}
 * to the order's terminal event on {@code order.events.v1}.
 * <p>
 * A hop is one record produced and consumed. Choreographed: OrderPlaced, StockReserved,
 * PaymentAuthorized, OrderApproved (4). Orchestrated: OrderPlaced, ReserveStock,
 * StockReserved, AuthorizePayment, PaymentAuthorized, ApproveOrder, OrderApproved (7).
 * The raw pipeline forwards a record through as many topics with plain consumers and
 * idempotent producers ({@code acks=all}), no database: the floor the saga pays its
 * transactions, outboxes and idempotent consumers on top of. It runs with the services'
 * {@code linger.ms} (5 ms, Kafka 4's default) and with none; the saga is compared with
 * the first.
 * <p>
 * Closed loop: {@code concurrency} orders in flight at once, {@code orders} per style,
 * styles interleaved in rounds so both see the same machine. Loopback only. <pre>
 * ./platform bench saga              # 200 orders per style, 16 in flight
 * </pre>
 */
public final class SagaThroughputBenchmark {

	private static final Topology TOPOLOGY = Topology.local();

	private static final URI GATEWAY = TOPOLOGY.gateway().url();

	private static final URI INVENTORY = TOPOLOGY.instance("inventory-service").url();

	private static final String KAFKA = TOPOLOGY.kafkaBootstrapServers();

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"(\\d+)\"");

	private static final int ROUNDS = 4;

	/**
	 * What the services' producers batch for: Kafka 4's default, set by the outbox relay.
	 */
	private static final int SERVICES_LINGER_MS = 5;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final PlatformTokens tokens = PlatformTokens.local();

	private final Map<String, Long> decidedAt = new ConcurrentHashMap<>();

	private final Map<String, String> outcome = new ConcurrentHashMap<>();

	private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	private volatile boolean running = true;

	private SagaThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int orders = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int concurrency = (args.length > 1) ? Integer.parseInt(args[1]) : 16;
		boolean sagaOnly = args.length > 2 && "saga-only".equals(args[2]);
		new SagaThroughputBenchmark().run(orders, concurrency, sagaOnly);
	}

	private void run(int orders, int concurrency, boolean sagaOnly) throws Exception {
		String sku = "SKU-PERF-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		send(INVENTORY, "PUT", "/api/admin/products/" + sku,
				"{\"name\":\"benchmark\",\"priceCents\":100,\"currency\":\"EUR\"}");
		send(INVENTORY, "POST", "/api/admin/products/" + sku + "/restock", "{\"quantity\":" + (4 * orders + 100) + "}");
		CountDownLatch assigned = new CountDownLatch(1);
		Thread listener = Thread.ofPlatform().name("order-events").start(() -> listen(assigned));
		assigned.await(30, TimeUnit.SECONDS);

		this.out.printf("warm-up: %d orders per style%n", Math.min(40, orders / 4));
		for (String style : List.of("orchestrated", "choreographed")) {
			place(sku, style, Math.min(40, orders / 4), concurrency);
		}
		Map<String, Stats> saga = new LinkedHashMap<>();
		saga.put("orchestrated", new Stats());
		saga.put("choreographed", new Stats());
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, Stats> style : saga.entrySet()) {
				style.getValue().add(place(sku, style.getKey(), orders / ROUNDS, concurrency));
			}
		}
		this.running = false;
		listener.join(5000);
		if (sagaOnly) {
			// one platform's saga alone, for comparing two platforms (tracing on and off)
			this.out.println();
			this.out.printf("%-32s %10s %10s %10s %10s%n", "pipeline", "orders/s", "p50 ms", "p99 ms", "approved");
			print("saga orchestrated (7 hops)", saga.get("orchestrated"));
			print("saga choreographed (4 hops)", saga.get("choreographed"));
			return;
		}

		// the services' producers batch for up to 5 ms (Kafka 4's default linger.ms,
		// which the
		// outbox relay also sets): the raw pipeline runs with that and without it
		Stats raw4 = rawPipeline(4, orders, concurrency, SERVICES_LINGER_MS);
		Stats raw7 = rawPipeline(7, orders, concurrency, SERVICES_LINGER_MS);
		Stats raw4NoLinger = rawPipeline(4, orders, concurrency, 0);
		Stats raw7NoLinger = rawPipeline(7, orders, concurrency, 0);

		this.out.println();
		this.out.printf("%-32s %10s %10s %10s %10s%n", "pipeline", "orders/s", "p50 ms", "p99 ms", "approved");
		print("saga orchestrated (7 hops)", saga.get("orchestrated"));
		print("saga choreographed (4 hops)", saga.get("choreographed"));
		print("raw Kafka, 7 hops, linger 5 ms", raw7);
		print("raw Kafka, 4 hops, linger 5 ms", raw4);
		print("raw Kafka, 7 hops, linger 0", raw7NoLinger);
		print("raw Kafka, 4 hops, linger 0", raw4NoLinger);
		this.out.println();
		this.out.println("the saga against the raw pipeline with the services' producer settings (linger 5 ms):");
		this.out.printf("choreographed vs orchestrated: %.2fx throughput, p99 %.2fx%n",
				saga.get("choreographed").throughput() / saga.get("orchestrated").throughput(),
				saga.get("choreographed").percentile(99) / saga.get("orchestrated").percentile(99));
		this.out.printf("orchestrated vs raw 7 hops:    %.3fx throughput, p99 %.1fx%n",
				saga.get("orchestrated").throughput() / raw7.throughput(),
				saga.get("orchestrated").percentile(99) / raw7.percentile(99));
		this.out.printf("choreographed vs raw 4 hops:   %.3fx throughput, p99 %.1fx%n",
				saga.get("choreographed").throughput() / raw4.throughput(),
				saga.get("choreographed").percentile(99) / raw4.percentile(99));
	}

	/** Places orders of one style, {@code concurrency} in flight, each until decided. */
	private Stats place(String sku, String style, int count, int concurrency) throws Exception {
		Stats stats = new Stats();
		Semaphore inFlight = new Semaphore(concurrency);
		long started = System.nanoTime();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				inFlight.acquire();
				clients.submit(() -> {
					try {
						long sent = System.nanoTime();
						String order = placeOne(sku, style);
						long deadline = sent + TimeUnit.SECONDS.toNanos(60);
						while (!this.decidedAt.containsKey(order) && System.nanoTime() < deadline) {
							Thread.sleep(2);
						}
						Long decided = this.decidedAt.get(order);
						if (decided != null) {
							stats.record(decided - sent, "OrderApproved".equals(this.outcome.get(order)));
						}
					}
					catch (Exception ex) {
						this.out.println("order failed: " + ex.getMessage());
					}
					finally {
						inFlight.release();
					}
					return null;
				});
			}
		}
		stats.elapsed(System.nanoTime() - started);
		return stats;
	}

	private String placeOne(String sku, String style) throws Exception {
		long customer = ThreadLocalRandom.current().nextLong(1_000_000, 1L << 50);
		HttpRequest request = HttpRequest.newBuilder(GATEWAY.resolve("/api/orders"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Authorization", "Bearer " + this.tokens.admin())
			.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\""
					+ sku + "\",\"quantity\":1}],\"sagaStyle\":\"" + style + "\"}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher id = ORDER_ID.matcher(response.body());
		if (response.statusCode() != 202 || !id.find()) {
			throw new IllegalStateException("POST /api/orders: " + response.statusCode() + " " + response.body());
		}
		return id.group(1);
	}

	private void listen(CountDownLatch assigned) {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of("order.events.v1"));
			while (consumer.assignment().isEmpty()) {
				consumer.poll(Duration.ofMillis(100));
			}
			consumer.seekToEnd(consumer.assignment());
			consumer.poll(Duration.ofMillis(10));
			assigned.countDown();
			while (this.running) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
					String type = new String(record.headers().lastHeader("type").value(), StandardCharsets.UTF_8);
					if (type.equals("OrderApproved") || type.equals("OrderRejected")) {
						this.outcome.put(record.key(), type);
						this.decidedAt.put(record.key(), System.nanoTime());
					}
				}
			}
		}
	}

	/**
	 * The same number of orders through {@code hops} topics with plain forwarders.
	 */
	private Stats rawPipeline(int hops, int count, int concurrency, int lingerMs) throws Exception {
		String prefix = "perf.raw." + UUID.randomUUID().toString().substring(0, 8) + ".hop";
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
			List<NewTopic> topics = new ArrayList<>();
			for (int i = 0; i < hops; i++) {
				topics.add(new NewTopic(prefix + i, 3, (short) 1));
			}
			admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
		}
		List<Thread> forwarders = new ArrayList<>();
		List<CountDownLatch> ready = new ArrayList<>();
		this.running = true;
		for (int i = 0; i < hops - 1; i++) {
			String from = prefix + i;
			String to = prefix + (i + 1);
			CountDownLatch assigned = new CountDownLatch(1);
			ready.add(assigned);
			forwarders.add(Thread.ofPlatform().name("forward-" + i).start(() -> forward(from, to, assigned, lingerMs)));
		}
		Map<String, Long> arrived = new ConcurrentHashMap<>();
		CountDownLatch sinkReady = new CountDownLatch(1);
		Thread sink = Thread.ofPlatform().name("sink").start(() -> {
			try (KafkaConsumer<String, String> consumer = consumer()) {
				consumer.subscribe(List.of(prefix + (hops - 1)));
				awaitAssignment(consumer, sinkReady);
				while (this.running) {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
						arrived.put(record.key(), System.nanoTime());
					}
					consumer.commitAsync();
				}
			}
		});
		for (CountDownLatch latch : ready) {
			latch.await(30, TimeUnit.SECONDS);
		}
		sinkReady.await(30, TimeUnit.SECONDS);
		Stats stats = new Stats();
		try (KafkaProducer<String, String> producer = producer(lingerMs)) {
			for (int round = 0; round < ROUNDS + 1; round++) {
				Stats measured = new Stats();
				Semaphore inFlight = new Semaphore(concurrency);
				long started = System.nanoTime();
				try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
					for (int i = 0; i < count / ROUNDS; i++) {
						inFlight.acquire();
						clients.submit(() -> {
							try {
								String key = UUID.randomUUID().toString();
								long sent = System.nanoTime();
								producer.send(new ProducerRecord<>(prefix + 0, key, "{\"orderId\":\"" + key + "\"}"))
									.get();
								long deadline = sent + TimeUnit.SECONDS.toNanos(30);
								while (!arrived.containsKey(key) && System.nanoTime() < deadline) {
									Thread.sleep(1);
								}
								Long done = arrived.get(key);
								if (done != null) {
									measured.record(done - sent, true);
								}
							}
							finally {
								inFlight.release();
							}
							return null;
						});
					}
				}
				measured.elapsed(System.nanoTime() - started);
				if (round > 0) {
					// the first round warms up
					stats.add(measured);
				}
			}
		}
		this.running = false;
		for (Thread forwarder : forwarders) {
			forwarder.join(5000);
		}
		sink.join(5000);
		return stats;
	}

	/**
	 * Forwards every record, and commits a poll's offsets once its records are
	 * acknowledged. It waits on each send rather than flushing, so the producer's
	 * {@code linger.ms} applies, as it does to the services' producers.
	 */
	private void forward(String from, String to, CountDownLatch assigned, int lingerMs) {
		try (KafkaConsumer<String, String> consumer = consumer();
				KafkaProducer<String, String> producer = producer(lingerMs)) {
			consumer.subscribe(List.of(from));
			awaitAssignment(consumer, assigned);
			while (this.running) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(50));
				List<Future<RecordMetadata>> sent = new ArrayList<>();
				for (ConsumerRecord<String, String> record : records) {
					sent.add(producer.send(new ProducerRecord<>(to, record.key(), record.value())));
				}
				for (Future<RecordMetadata> acknowledged : sent) {
					acknowledged.get();
				}
				if (!records.isEmpty()) {
					consumer.commitSync();
				}
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("forwarding " + from + " to " + to + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitAssignment(KafkaConsumer<String, String> consumer, CountDownLatch assigned) {
		while (consumer.assignment().isEmpty()) {
			consumer.poll(Duration.ofMillis(100));
		}
		assigned.countDown();
	}

	private static KafkaConsumer<String, String> consumer() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "perf-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private static KafkaProducer<String, String> producer(int lingerMs) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		config.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private void send(URI base, String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.tokens.admin())
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body()
					+ " (is ./platform up running?)");
		}
	}

	private void print(String name, Stats stats) {
		this.out.printf("%-32s %10.1f %10.1f %10.1f %10d%n", name, stats.throughput(), stats.percentile(50),
				stats.percentile(99), stats.approved());
	}

	/** Latencies and elapsed time of one or more runs. */
	private static final class Stats {

		private final List<Long> latencies = new ArrayList<>();

		private long elapsedNanos;

		private int approved;

		synchronized void record(long latencyNanos, boolean wasApproved) {
			this.latencies.add(latencyNanos);
			if (wasApproved) {
				this.approved++;
			}
		}

		synchronized void elapsed(long nanos) {
			this.elapsedNanos += nanos;
		}

		synchronized void add(Stats other) {
			this.latencies.addAll(other.latencies);
			this.elapsedNanos += other.elapsedNanos;
			this.approved += other.approved;
		}

		synchronized double throughput() {
			return this.latencies.size() / (this.elapsedNanos / 1e9);
		}

		synchronized double percentile(int p) {
			if (this.latencies.isEmpty()) {
				return Double.NaN;
			}
			long[] sorted = this.latencies.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

		synchronized int approved() {
			return this.approved;
		}

	}

}
