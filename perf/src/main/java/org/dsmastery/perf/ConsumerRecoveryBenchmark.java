package org.dsmastery.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a consumer group stays blind after one of its members is killed with
 * {@code SIGKILL}, for each way of configuring the group (issue 14, ADR 0017). A real
 * Kafka 4 broker (devstack), a topic with three partitions and a record every 50 ms. Each
 * consumer is its own JVM, so that the kill is a real {@code kill -9}: no
 * {@code LeaveGroup}, no heartbeat thread left behind.
 * <ul>
 * <li>restart: the only member is killed and started again at once, as {@code ./platform
 * up} or a container restart does; measured from the new consumer's {@code subscribe} to
 * a record from every partition.</li>
 * <li>takeover: one of two members is killed and stays dead (a scale-down or a lost
 * machine); measured from the kill to the survivor reading every partition.</li>
 * </ul>
 * <pre>
 * ./platform bench consumer-recovery            # every option, about 8 minutes
 * ./platform bench consumer-recovery KIP-848    # the options whose name contains it
 * </pre>
 */
public final class ConsumerRecoveryBenchmark {

	private static final String TOPIC = "recovery.v1";

	private static final int PARTITIONS = 3;

	private static final Duration GIVE_UP = Duration.ofSeconds(75);

	private static final Logger logger = LoggerFactory.getLogger(ConsumerRecoveryBenchmark.class);

	private static final Map<String, List<String>> OPTIONS = options();

	private ConsumerRecoveryBenchmark() {
	}

	private static Map<String, List<String>> options() {
		Map<String, List<String>> options = new LinkedHashMap<>();
		options.put("classic, session 45 s (the clients' default)", List.of("group.protocol=classic"));
		options.put("classic, session 10 s",
				List.of("group.protocol=classic", "session.timeout.ms=10000", "heartbeat.interval.ms=3000"));
		options.put("classic, static member, session 45 s",
				List.of("group.protocol=classic", "group.instance.id=" + "@instance"));
		options.put("classic, static member, session 10 s", List.of("group.protocol=classic",
				"group.instance.id=" + "@instance", "session.timeout.ms=10000", "heartbeat.interval.ms=3000"));
		options.put("consumer (KIP-848), broker session 45 s", List.of("group.protocol=consumer"));
		options.put("consumer (KIP-848), static member",
				List.of("group.protocol=consumer", "group.instance.id=" + "@instance"));
		return options;
	}

	public static void main(String[] args) throws Exception {
		Path directory = Files.createTempDirectory("consumer-recovery");
		try (DevStack stack = DevStack.start(DevStackConfig.ephemeral(directory, List.of()), Set.of(Infra.KAFKA),
				false)) {
			String bootstrap = stack.config().kafkaBootstrapServers();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
			}
			try (Producing producing = new Producing(bootstrap)) {
				Map<String, String[]> results = new LinkedHashMap<>();
				int group = 0;
				for (Map.Entry<String, List<String>> option : OPTIONS.entrySet()) {
					if (args.length > 0 && !option.getKey().contains(args[0])) {
						continue;
					}
					String restart = restart(bootstrap, "restart-" + group, option.getValue());
					String takeover = takeover(bootstrap, "takeover-" + group, option.getValue());
					results.put(option.getKey(), new String[] { restart, takeover });
					logger.info("{}: restart {}, takeover {}", option.getKey(), restart, takeover);
					group++;
				}
				// the benchmark's result, on standard output like the other reports of
				// perf
				System.out.print(table(results));
			}
		}
	}

	private static String table(Map<String, String[]> results) {
		StringBuilder table = new StringBuilder(
				"%nTime until every partition is read again after a member's kill -9%n".formatted());
		table.append("| %-45s | %-26s | %-26s |%n".formatted("group configuration", "restart (same member)",
				"takeover (other member)"));
		table.append("|%s|%s|%s|%n".formatted("-".repeat(47), "-".repeat(28), "-".repeat(28)));
		results
			.forEach((name, times) -> table.append("| %-45s | %-26s | %-26s |%n".formatted(name, times[0], times[1])));
		return table.toString();
	}

	private static String restart(String bootstrap, String group, List<String> settings) throws Exception {
		try (Member first = Member.start(bootstrap, group, "a", settings)) {
			first.awaitAllPartitions(GIVE_UP);
			first.kill();
			try (Member second = Member.start(bootstrap, group, "a", settings)) {
				long subscribed = second.awaitLine("subscribed", GIVE_UP);
				Long all = second.awaitAllPartitionsOrNull(GIVE_UP);
				return (all == null) ? "> " + GIVE_UP.toSeconds() + " s" : seconds(all - subscribed);
			}
		}
	}

	private static String takeover(String bootstrap, String group, List<String> settings) throws Exception {
		try (Member survivor = Member.start(bootstrap, group, "a", settings);
				Member victim = Member.start(bootstrap, group, "b", settings)) {
			survivor.awaitLine("subscribed", GIVE_UP);
			victim.awaitLine("subscribed", GIVE_UP);
			// both hold partitions and read before one dies (an assignment may come empty
			// first)
			victim.awaitLine("partitions [1-9]", GIVE_UP);
			victim.awaitLine("record", GIVE_UP);
			long killed = System.nanoTime();
			victim.kill();
			// from now on: the survivor's own partitions at once, the victim's once taken
			// over
			survivor.forget();
			Long all = survivor.awaitAllPartitionsOrNull(GIVE_UP);
			return (all == null) ? "> " + GIVE_UP.toSeconds() + " s" : seconds(all - killed);
		}
	}

	private static String seconds(long nanos) {
		return String.format("%.1f s", nanos / 1e9);
	}

	/** A record every 50 ms on every partition, for as long as the benchmark runs. */
	static final class Producing implements AutoCloseable {

		private final KafkaProducer<String, String> producer;

		private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

		private final AtomicLong sequence = new AtomicLong();

		Producing(String bootstrap) {
			Properties properties = new Properties();
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
			this.scheduler.scheduleAtFixedRate(() -> {
				long n = this.sequence.incrementAndGet();
				this.producer.send(new ProducerRecord<>(TOPIC, (int) (n % PARTITIONS), "k", Long.toString(n)));
			}, 0, 50 / PARTITIONS + 1, TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			this.scheduler.shutdownNow();
			this.producer.close();
		}

	}

	/** One consumer JVM, read through the lines it prints. */
	static final class Member implements AutoCloseable {

		private final Process process;

		private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

		private final Set<Integer> seen = new HashSet<>();

		private Member(Process process) {
			this.process = process;
			Thread.ofVirtual().start(() -> {
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						this.events.add(new Event(System.nanoTime(), line));
					}
				}
				catch (IOException ex) {
					// the process ended
				}
			});
		}

		static Member start(String bootstrap, String group, String name, List<String> settings) {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
							"-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
							Consumer.class.getName(), bootstrap, group));
			settings.forEach((setting) -> command.add(setting.replace("@instance", group + "-" + name)));
			try {
				return new Member(new ProcessBuilder(command).redirectErrorStream(true).start());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Returns when a line matching the pattern was printed. */
		long awaitLine(String prefix, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				Event event = this.events.poll(100, TimeUnit.MILLISECONDS);
				if (event != null) {
					note(event);
					if (event.line().matches(prefix + ".*")) {
						return event.nanos();
					}
				}
			}
			throw new IllegalStateException("no '" + prefix + "' within " + timeout);
		}

		void awaitAllPartitions(Duration timeout) throws InterruptedException {
			if (awaitAllPartitionsOrNull(timeout) == null) {
				throw new IllegalStateException("did not read every partition within " + timeout);
			}
		}

		/** Returns when it had read every partition since the last {@link #forget()}. */
		Long awaitAllPartitionsOrNull(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				Event event = this.events.poll(100, TimeUnit.MILLISECONDS);
				if (event != null && note(event) && this.seen.size() == PARTITIONS) {
					return event.nanos();
				}
			}
			return null;
		}

		void forget() {
			this.events.clear();
			this.seen.clear();
		}

		private boolean note(Event event) {
			if (event.line().startsWith("record ")) {
				this.seen.add(Integer.parseInt(event.line().substring(7).trim()));
				return true;
			}
			return false;
		}

		void kill() throws InterruptedException {
			this.process.destroyForcibly(); // SIGKILL on Linux
			this.process.waitFor();
		}

		@Override
		public void close() throws InterruptedException {
			kill();
		}

		record Event(long nanos, String line) {
		}

	}

	/**
	 * The consumer JVM: prints {@code subscribed}, {@code partitions <n>} on every
	 * assignment, and {@code record <partition>} for every record it reads.
	 */
	public static final class Consumer {

		private Consumer() {
		}

		/**
		 * One line of the protocol the parent reads from this JVM's standard output: not
		 * a log line, so not through a logger's format.
		 */
		private static void emit(String line) {
			System.out.println(line);
		}

		public static void main(String[] args) {
			Properties properties = new Properties();
			properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, args[1]);
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
			for (int i = 2; i < args.length; i++) {
				String[] setting = args[i].split("=", 2);
				properties.put(setting[0], setting[1]);
			}
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
					new StringDeserializer())) {
				emit("subscribed");
				consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {

					@Override
					public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
					}

					@Override
					public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
						emit("partitions " + partitions.size());
					}

				});
				while (true) {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
						emit("record " + record.partition());
					}
				}
			}
		}

	}

}
