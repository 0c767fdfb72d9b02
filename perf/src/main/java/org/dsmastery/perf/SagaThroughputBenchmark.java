package org.dsmastery.perf;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.dsmastery.perf.platform.PlatformWork;
import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;

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
 * Orders draw their lines from a catalogue of 100 products with Zipf-distributed
 * popularity (1 to 3 lines), or with {@code hot} all from one product, the worst case for
 * the stock locks. Two loads:
 * <ul>
 * <li><b>closed loop</b> (default): {@code in-flight} orders at once, {@code orders} per
 * style, styles interleaved in rounds so both see the same machine; with {@code work},
 * then the work per order ({@link PlatformWork}: CPU per process, PostgreSQL commits,
 * Kafka records), and per message of the raw pipeline;</li>
 * <li><b>open loop</b> ({@code open}): orders arrive at fixed rates whatever the platform
 * does, and each one's latency counts from when it was due to be sent, so a platform that
 * falls behind shows its queue (no coordinated omission).</li>
 * </ul>
 * Loopback only. <pre>
 * ./platform bench saga                    # 200 orders per style, 16 in flight
 * ./platform bench saga 100 16 work        # and the work per order
 * ./platform bench saga 40 1 saga-only hot # one order at a time, one product
 * ./platform bench saga open 10,30 15      # 10 and 30 orders/s, 15 s per style and round
 * </pre>
 */
public final class SagaThroughputBenchmark {

	private static final Topology TOPOLOGY = Topology.local();

	private static final URI GATEWAY = TOPOLOGY.gateway().url();

	private static final URI INVENTORY = TOPOLOGY.instance("inventory-service").url();

	private static final String KAFKA = TOPOLOGY.kafkaBootstrapServers();

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"(\\d+)\"");

	private static final List<String> STYLES = List.of("orchestrated", "choreographed");

	private static final int ROUNDS = 4;

	private static final int OPEN_ROUNDS = 2;

	private static final int WORK_ROUNDS = 3;

	/** How long an order may take before it counts as undecided. */
	private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * What the services' producers batch for: Kafka 4's default, set by the outbox relay.
	 */
	private static final int SERVICES_LINGER_MS = 5;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final PlatformTokens tokens = PlatformTokens.local();

	private final Map<String, CompletableFuture<Decision>> decisions = new ConcurrentHashMap<>();

	private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	private final PlatformWork work = new PlatformWork(TOPOLOGY, PlatformTokens.localState());

	private volatile boolean running = true;

	private Thread listener;

	private SagaThroughputBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args {@code [orders] [in-flight] [saga-only] [work] [hot]}, or
	 * {@code open [rates] [seconds] [hot]}
	 * @throws Exception if the platform does not answer
	 */
	public static void main(String[] args) throws Exception {
		List<String> words = new ArrayList<>(List.of(args));
		boolean sagaOnly = words.remove("saga-only");
		boolean countWork = words.remove("work");
		Catalogue.Mix mix = words.remove("hot") ? Catalogue.Mix.HOT : Catalogue.Mix.MANY;
		SagaThroughputBenchmark benchmark = new SagaThroughputBenchmark();
		if (!words.isEmpty() && words.getFirst().equals("open")) {
			List<Integer> rates = (words.size() > 1)
					? Arrays.stream(words.get(1).split(",")).map(Integer::valueOf).toList() : List.of(10, 30);
			int seconds = (words.size() > 2) ? Integer.parseInt(words.get(2)) : 15;
			benchmark.runOpen(rates, seconds, mix);
			return;
		}
		int orders = (!words.isEmpty()) ? Integer.parseInt(words.get(0)) : 200;
		int concurrency = (words.size() > 1) ? Integer.parseInt(words.get(1)) : 16;
		try (PlatformWork work = benchmark.work) {
			benchmark.runClosed(orders, concurrency, sagaOnly, countWork, mix);
		}
	}

	private Catalogue start(Catalogue.Mix mix, int orders) throws Exception {
		Catalogue catalogue = Catalogue.create(mix, orders, this::send);
		CountDownLatch assigned = new CountDownLatch(1);
		this.listener = Thread.ofPlatform().name("order-events").start(() -> listen(assigned));
		assigned.await(30, TimeUnit.SECONDS);
		this.out.printf("catalogue: %s%n", catalogue);
		return catalogue;
	}

	private void stop() throws InterruptedException {
		this.running = false;
		this.listener.join(5000);
	}

	private void runClosed(int orders, int concurrency, boolean sagaOnly, boolean countWork, Catalogue.Mix mix)
			throws Exception {
		Catalogue catalogue = start(mix, 3 * orders);
		int warmUp = Math.min(40, orders / 4);
		this.out.printf("warm-up: %d orders per style%n", warmUp);
		for (String style : STYLES) {
			place(catalogue, style, warmUp, concurrency);
		}
		Map<String, Stats> saga = new LinkedHashMap<>();
		STYLES.forEach((style) -> saga.put(style, new Stats()));
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, Stats> style : saga.entrySet()) {
				style.getValue().add(place(catalogue, style.getKey(), orders / ROUNDS, concurrency));
			}
		}
		PlatformWork.Work idle = null;
		Map<String, PlatformWork.Work> work = new LinkedHashMap<>();
		if (countWork) {
			idle = idle();
			Map<String, List<PlatformWork.Work>> rounds = new LinkedHashMap<>();
			for (int round = 0; round < WORK_ROUNDS; round++) {
				for (String style : STYLES) {
					rounds.computeIfAbsent(style, (key) -> new ArrayList<>())
						.add(countWork(catalogue, style, orders / 4, concurrency, idle));
				}
			}
			rounds.forEach((style, measured) -> {
				work.put(style, PlatformWork.Work.median(measured));
				this.out.printf("%s, CPU ms per order by round: %s (the median round is reported)%n", style,
						measured.stream().map((round) -> String.format("%.0f", round.totalCpuMillis())).toList());
			});
		}
		stop();
		if (sagaOnly) {
			// one platform's saga alone, for comparing two platforms (tracing on and off)
			printHeader();
			print("saga orchestrated (7 hops)", saga.get("orchestrated"));
			print("saga choreographed (4 hops)", saga.get("choreographed"));
			printWork(work, Map.of());
			return;
		}

		// the services' producers batch for up to 5 ms (Kafka 4's default, which the
		// outbox relay also sets): the raw pipeline runs with that and without it
		Map<String, PlatformWork.Work> rawWork = new LinkedHashMap<>();
		Stats raw4 = rawPipeline(4, orders, concurrency, SERVICES_LINGER_MS, idle, rawWork);
		Stats raw7 = rawPipeline(7, orders, concurrency, SERVICES_LINGER_MS, idle, rawWork);
		Stats raw4NoLinger = rawPipeline(4, orders, concurrency, 0, null, rawWork);
		Stats raw7NoLinger = rawPipeline(7, orders, concurrency, 0, null, rawWork);

		printHeader();
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
		this.out.printf("orchestrated vs raw 7 hops:    %.3fx throughput, p50 %.1fx, p99 %.1fx%n",
				saga.get("orchestrated").throughput() / raw7.throughput(),
				saga.get("orchestrated").percentile(50) / raw7.percentile(50),
				saga.get("orchestrated").percentile(99) / raw7.percentile(99));
		this.out.printf("choreographed vs raw 4 hops:   %.3fx throughput, p50 %.1fx, p99 %.1fx%n",
				saga.get("choreographed").throughput() / raw4.throughput(),
				saga.get("choreographed").percentile(50) / raw4.percentile(50),
				saga.get("choreographed").percentile(99) / raw4.percentile(99));
		printWork(work, rawWork);
	}

	/** What the platform does with no load, per second. */
	private PlatformWork.Work idle() throws InterruptedException {
		this.out.println("measuring the idle platform");
		PlatformWork.Work idle = this.work.idle();
		this.out.printf("idle platform, per second: CPU %.0f ms, %.1f commits%n",
				idle.totalCpuMillis() / idle.seconds(), idle.totalCommits() / idle.seconds());
		return idle;
	}

	/** The work of {@code count} orders, per order, net of the idle platform's. */
	private PlatformWork.Work countWork(Catalogue catalogue, String style, int count, int concurrency,
			PlatformWork.Work idle) throws Exception {
		this.out.printf("counting the work of %d %s orders%n", count, style);
		return this.work.measure(() -> place(catalogue, style, count, concurrency)).minus(idle).per(count);
	}

	private void runOpen(List<Integer> rates, int seconds, Catalogue.Mix mix) throws Exception {
		int total = rates.stream().mapToInt(Integer::intValue).sum() * seconds * OPEN_ROUNDS * STYLES.size();
		Catalogue catalogue = start(mix, total + 200);
		this.out.println("warm-up: 40 orders per style, 4 in flight");
		for (String style : STYLES) {
			place(catalogue, style, 40, 4);
		}
		Map<String, Stats> results = new LinkedHashMap<>();
		for (int rate : rates) {
			for (int round = 0; round < OPEN_ROUNDS; round++) {
				for (String style : STYLES) {
					this.out.printf("open loop: %s at %d orders/s for %d s%n", style, rate, seconds);
					results.computeIfAbsent(style + " at " + rate + " orders/s", (key) -> new Stats())
						.add(arrive(catalogue, style, rate, seconds));
				}
			}
		}
		stop();
		this.out.println();
		this.out.printf("open loop, %s; latency from each order's intended send time%n", catalogue);
		this.out.printf("%-36s %10s %10s %10s %10s %10s%n", "style and arrival rate", "decided/s", "p50 ms", "p99 ms",
				"approved", "undecided");
		results.forEach((name, stats) -> this.out.printf("%-36s %10.1f %10s %10s %10d %10d%n", name, stats.throughput(),
				millis(stats.percentile(50)), millis(stats.percentile(99)), stats.approved(), stats.undecided()));
	}

	/** Places orders of one style, {@code concurrency} in flight, each until decided. */
	private Stats place(Catalogue catalogue, String style, int count, int concurrency) throws Exception {
		Stats stats = new Stats();
		Semaphore inFlight = new Semaphore(concurrency);
		long started = System.nanoTime();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				inFlight.acquire();
				clients.submit(() -> {
					try {
						long sent = System.nanoTime();
						decide(placeOne(catalogue, style), sent, stats);
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

	/**
	 * Sends {@code rate} orders a second for {@code seconds}, each at its due time
	 * however many are still open, and counts each one's latency from that time.
	 */
	private Stats arrive(Catalogue catalogue, String style, int rate, int seconds) {
		Stats stats = new Stats();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long started = System.nanoTime();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < rate * seconds; i++) {
				long due = started + i * interval;
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				clients.submit(() -> {
					try {
						decide(placeOne(catalogue, style), due, stats);
					}
					catch (Exception ex) {
						this.out.println("order failed: " + ex.getMessage());
						stats.timedOut();
					}
					return null;
				});
			}
		}
		stats.elapsed(System.nanoTime() - started);
		return stats;
	}

	/** Waits for an order's terminal event and records its latency from {@code since}. */
	private void decide(String order, long since, Stats stats) throws InterruptedException, ExecutionException {
		try {
			Decision decision = decision(order).get(DECISION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			stats.record(decision.atNanos() - since, decision.approved());
		}
		catch (TimeoutException ex) {
			stats.timedOut();
		}
		finally {
			this.decisions.remove(order);
		}
	}

	private CompletableFuture<Decision> decision(String order) {
		return this.decisions.computeIfAbsent(order, (key) -> new CompletableFuture<>());
	}

	private String placeOne(Catalogue catalogue, String style) throws Exception {
		long customer = ThreadLocalRandom.current().nextLong(1_000_000, 1L << 50);
		HttpRequest request = HttpRequest.newBuilder(GATEWAY.resolve("/api/orders"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Authorization", "Bearer " + this.tokens.admin())
			.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customer + "\",\"lines\":"
					+ catalogue.lines() + ",\"sagaStyle\":\"" + style + "\"}"))
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
						decision(record.key()).complete(new Decision(System.nanoTime(), type.equals("OrderApproved")));
					}
				}
			}
		}
	}

	/**
	 * The same number of orders through {@code hops} topics with plain forwarders; with
	 * {@code idle}, the work per message too, into {@code work}.
	 */
	private Stats rawPipeline(int hops, int count, int concurrency, int lingerMs, PlatformWork.Work idle,
			Map<String, PlatformWork.Work> work) throws Exception {
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
					ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(50));
					for (ConsumerRecord<String, String> record : records) {
						arrived.put(record.key(), System.nanoTime());
					}
					if (!records.isEmpty()) {
						consumer.commitAsync();
					}
				}
			}
		});
		for (CountDownLatch latch : ready) {
			latch.await(30, TimeUnit.SECONDS);
		}
		sinkReady.await(30, TimeUnit.SECONDS);
		Stats stats = new Stats();
		PlatformWork.Sample before = null;
		try (KafkaProducer<String, String> producer = producer(lingerMs)) {
			for (int round = 0; round < ROUNDS + 1; round++) {
				if (round == 1) {
					// the first round warms up
					before = this.work.sample();
				}
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
					stats.add(measured);
				}
			}
		}
		if (idle != null && before != null) {
			PlatformWork.Work spent = this.work.sample().since(before).minus(idle);
			work.put("raw " + hops + " hops", spent.per(count / ROUNDS * ROUNDS));
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

	private void send(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(INVENTORY.resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.tokens.admin())
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
						+ response.body() + " (is ./platform up running?)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A latency, or {@code > 60000} when it falls among the undecided orders. */
	private static String millis(double latency) {
		return Double.isInfinite(latency) ? "> " + DECISION_TIMEOUT.toMillis() : String.format("%.1f", latency);
	}

	private void printHeader() {
		this.out.println();
		this.out.printf("%-32s %10s %10s %10s %10s%n", "pipeline", "orders/s", "p50 ms", "p99 ms", "approved");
	}

	private void print(String name, Stats stats) {
		this.out.printf("%-32s %10.1f %10s %10s %10d%n", name, stats.throughput(), millis(stats.percentile(50)),
				millis(stats.percentile(99)), stats.approved());
	}

	/**
	 * The work per order of each style and per message of the raw pipelines: CPU per
	 * process, commits per database, Kafka records, net of what the platform does idle.
	 */
	private void printWork(Map<String, PlatformWork.Work> saga, Map<String, PlatformWork.Work> raw) {
		if (saga.isEmpty()) {
			return;
		}
		Map<String, PlatformWork.Work> all = new LinkedHashMap<>(saga);
		all.putAll(raw);
		this.out.println();
		this.out.println("work per order (raw: per message), net of the idle platform's");
		StringBuilder header = new StringBuilder(String.format("%-30s", ""));
		all.keySet().forEach((name) -> header.append(String.format(" %16s", name)));
		this.out.println(header);
		Set<String> processes = new TreeSet<>();
		all.values().forEach((work) -> processes.addAll(work.cpuMillis().keySet()));
		for (String process : processes) {
			row("CPU ms, " + process, all, (work) -> work.cpuMillis().getOrDefault(process, 0.0));
		}
		row("CPU ms, all", all, PlatformWork.Work::totalCpuMillis);
		row("CPU ms, all but benchmark", all,
				(work) -> work.totalCpuMillis() - work.cpuMillis().getOrDefault("benchmark", 0.0));
		Set<String> databases = new TreeSet<>();
		all.values().forEach((work) -> databases.addAll(work.commits().keySet()));
		databases.remove(PlatformWork.WRITES);
		for (String database : databases) {
			row("PG commits, " + database, all, (work) -> work.commits().getOrDefault(database, 0.0));
		}
		row("PG commits, all", all, PlatformWork.Work::totalCommits);
		row("PG transaction ids (writers)", all, (work) -> work.commits().getOrDefault(PlatformWork.WRITES, 0.0));
		row("Kafka records", all, PlatformWork.Work::records);
		row("Kafka offset commits", all, PlatformWork.Work::offsetCommits);
	}

	private void row(String name, Map<String, PlatformWork.Work> all, ToDoubleFunction<PlatformWork.Work> value) {
		StringBuilder line = new StringBuilder(String.format("%-30s", name));
		all.values().forEach((work) -> line.append(String.format(" %16.2f", value.applyAsDouble(work))));
		this.out.println(line);
	}

	/**
	 * When an order's terminal event arrived, and which it was.
	 *
	 * @param atNanos {@link System#nanoTime()} on arrival
	 * @param approved {@code OrderApproved} rather than {@code OrderRejected}
	 */
	private record Decision(long atNanos, boolean approved) {
	}

	/** Latencies and elapsed time of one or more runs. */
	private static final class Stats {

		private final List<Long> latencies = new ArrayList<>();

		private long elapsedNanos;

		private int approved;

		private int undecided;

		synchronized void record(long latencyNanos, boolean wasApproved) {
			this.latencies.add(latencyNanos);
			if (wasApproved) {
				this.approved++;
			}
		}

		synchronized void timedOut() {
			this.undecided++;
		}

		synchronized void elapsed(long nanos) {
			this.elapsedNanos += nanos;
		}

		synchronized void add(Stats other) {
			this.latencies.addAll(other.latencies);
			this.elapsedNanos += other.elapsedNanos;
			this.approved += other.approved;
			this.undecided += other.undecided;
		}

		synchronized double throughput() {
			return this.latencies.size() / (this.elapsedNanos / 1e9);
		}

		/**
		 * A percentile of the latencies, in ms, undecided orders counted as slower than
		 * any decided one: infinite when the percentile falls among them.
		 */
		synchronized double percentile(int p) {
			int count = this.latencies.size() + this.undecided;
			if (count == 0) {
				return Double.NaN;
			}
			long[] sorted = this.latencies.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			int index = Math.max(0, (int) Math.ceil(p / 100.0 * count) - 1);
			return (index < sorted.length) ? sorted[index] / 1e6 : Double.POSITIVE_INFINITY;
		}

		synchronized int approved() {
			return this.approved;
		}

		synchronized int undecided() {
			return this.undecided;
		}

	}

	/**
	 * The products orders draw their lines from, each stocked for every order of the run.
	 *
	 * @param mix how lines pick products
	 * @param skus the products, most popular first
	 * @param cumulative the popularity's cumulative distribution, one entry per product
	 */
	record Catalogue(Mix mix, List<String> skus, double[] cumulative) {

		/** How many products the many-product mix has. */
		static final int PRODUCTS = 100;

		/** How orders pick their lines. */
		enum Mix {

			/** Every order one line of one product: the stock locks' worst case. */
			HOT,

			/**
			 * 1 to 3 lines from {@value #PRODUCTS} products of Zipf (s = 1) popularity:
			 * the most popular is in about a fifth of the lines.
			 */
			MANY

		}

		static Catalogue create(Mix mix, int orders, Products products) {
			String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
			int count = (mix == Mix.HOT) ? 1 : PRODUCTS;
			List<String> skus = new ArrayList<>();
			double[] cumulative = new double[count];
			double sum = 0;
			for (int rank = 1; rank <= count; rank++) {
				sum += 1.0 / rank;
				cumulative[rank - 1] = sum;
			}
			for (int rank = 0; rank < count; rank++) {
				cumulative[rank] /= sum;
				String sku = "SKU-PERF-" + run + "-" + rank;
				skus.add(sku);
				products.send("PUT", "/api/admin/products/" + sku,
						"{\"name\":\"benchmark\",\"priceCents\":100,\"currency\":\"EUR\"}");
				// enough for every order to take 2 of it, whatever it draws
				products.send("POST", "/api/admin/products/" + sku + "/restock",
						"{\"quantity\":" + (6 * orders + 100) + "}");
			}
			return new Catalogue(mix, skus, cumulative);
		}

		/**
		 * An order's lines.
		 * @return a JSON array of distinct products, quantity 1 or 2 each
		 */
		String lines() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int count = (this.mix == Mix.HOT) ? 1 : 1 + random.nextInt(3);
			Set<String> picked = new LinkedHashSet<>();
			while (picked.size() < count) {
				int rank = Arrays.binarySearch(this.cumulative, random.nextDouble());
				picked.add(this.skus.get((rank >= 0) ? rank : Math.min(-rank - 1, this.skus.size() - 1)));
			}
			StringBuilder json = new StringBuilder("[");
			for (String sku : picked) {
				json.append((json.length() > 1) ? "," : "")
					.append("{\"sku\":\"")
					.append(sku)
					.append("\",\"quantity\":")
					.append((this.mix == Mix.HOT) ? 1 : 1 + random.nextInt(2))
					.append('}');
			}
			return json.append(']').toString();
		}

		@Override
		public String toString() {
			return (this.mix == Mix.HOT) ? "one product (hot)"
					: this.skus.size() + " products, Zipf popularity, 1-3 lines";
		}

		/** Calls the inventory's admin API. */
		@FunctionalInterface
		interface Products {

			void send(String method, String path, String body);

		}

	}

}
