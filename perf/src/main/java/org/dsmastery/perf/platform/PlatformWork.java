package org.dsmastery.perf.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.dsmastery.topology.Instance;
import org.dsmastery.topology.PlatformKafka;
import org.dsmastery.topology.Role;
import org.dsmastery.topology.Topology;

/**
 * What the platform {@code ./platform up} runs did between two samples: the CPU time of
 * every process (from {@code /proc}), the PostgreSQL transactions committed in each
 * service's database ({@code pg_stat_database.xact_commit}) and the records appended to
 * Kafka (the sum of every partition's end offset), business topics and consumer offset
 * commits apart.
 * <p>
 * A process's CPU is its user and system time plus that of its children that exited
 * (PostgreSQL's backends), summed over its process tree: the services and the benchmark
 * itself one by one, the dev stack's Java processes as {@code kafka}, its Redis as
 * {@code redis}, the postmaster's tree as {@code postgresql}.
 * <p>
 * PostgreSQL publishes a backend's counters when the backend goes idle, at most once a
 * second and at the latest ten seconds later ({@code PGSTAT_IDLE_INTERVAL}):
 * {@link #measure} reads CPU and records as the work ends and the commits {@link #SETTLE}
 * later ({@link Work#withCommits}); subtract what the platform does idle ({@link #idle},
 * {@link Work#minus}).
 */
public final class PlatformWork implements AutoCloseable {

	/** How long after the work the commits are read, for PostgreSQL to publish them. */
	static final Duration SETTLE = Duration.ofSeconds(11);

	private static final double TICKS_PER_SECOND = 100;

	/**
	 * The key under which {@link Work#commits()} counts the transaction ids handed out,
	 * over every database: one per writing transaction, rolled back ones included (not a
	 * subset of the commits per database).
	 */
	public static final String WRITES = "(writing, all databases)";

	private final Topology topology;

	private final Path state;

	private Connection postgres;

	private Admin kafka;

	/**
	 * Watches the platform {@code ./platform up} runs.
	 * @param topology its processes and ports
	 * @param state its state folder
	 */
	public PlatformWork(Topology topology, Path state) {
		this.topology = topology;
		this.state = state;
	}

	/**
	 * What the platform does with no load: a window of {@link #SETTLE}, after as long
	 * again for the work before it to end.
	 * @return the idle platform's work
	 * @throws InterruptedException if interrupted while waiting
	 */
	public Work idle() throws InterruptedException {
		settle();
		Sample before = sample();
		settle();
		return sample().since(before);
	}

	/**
	 * The work that {@code load} causes: CPU and records up to its end, commits until
	 * PostgreSQL has published them.
	 * @param load what to measure
	 * @return its work, idle platform included
	 * @throws Exception if the load fails
	 */
	public Work measure(Load load) throws Exception {
		Sample before = sample();
		load.run();
		Sample done = sample();
		settle();
		return done.since(before).withCommits(sample().since(before));
	}

	/**
	 * Waits out a fixed window: PostgreSQL offers no signal that a backend's counters are
	 * published, only the interval it publishes them in.
	 */
	private static void settle() throws InterruptedException {
		TimeUnit.MILLISECONDS.sleep(SETTLE.toMillis());
	}

	/**
	 * Reads every counter now.
	 * @return the sample
	 */
	public Sample sample() {
		try {
			// the clients first, so that opening them is not inside the window measured
			postgres();
			kafka();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach PostgreSQL", ex);
		}
		return new Sample(System.nanoTime(), cpuMillis(), commits(), kafkaRecords());
	}

	/** The processes to watch, by the name they are reported under. */
	private Map<String, List<Long>> roots() {
		Map<String, List<Long>> roots = new LinkedHashMap<>();
		Path run = this.state.resolve("run");
		for (Instance instance : Stream
			.concat(this.topology.springBootInstances().stream(), this.topology.withRole(Role.OBSERVABILITY).stream())
			.toList()) {
			pid(run.resolve(instance.name() + "-" + instance.port() + ".pid"))
				.ifPresent((pid) -> roots.computeIfAbsent(instance.name(), (name) -> new ArrayList<>()).add(pid));
		}
		pid(run.resolve("devstack.pid")).ifPresent((pid) -> roots.put("devstack", List.of(pid)));
		for (String folder : List.of("postgres", "postgres-secure")) {
			pid(this.state.resolve(folder).resolve("data/postmaster.pid"))
				.ifPresent((pid) -> roots.put("postgresql", List.of(pid)));
		}
		roots.put("benchmark", List.of(ProcessHandle.current().pid()));
		return roots;
	}

	private Map<String, Double> cpuMillis() {
		Map<Long, ProcStat> processes = ProcStat.all();
		Map<Long, List<Long>> children = new HashMap<>();
		processes.values()
			.forEach((process) -> children.computeIfAbsent(process.ppid(), (ppid) -> new ArrayList<>())
				.add(process.pid()));
		Map<String, Double> cpu = new TreeMap<>();
		roots().forEach((name, pids) -> {
			Deque<Long> queue = new ArrayDeque<>(pids);
			while (!queue.isEmpty()) {
				ProcStat process = processes.get(queue.poll());
				if (process == null) {
					continue;
				}
				// the dev stack's tree holds Kafka (Java) and Redis
				String as = name.equals("devstack") ? (process.command().startsWith("redis") ? "redis" : "kafka")
						: name;
				cpu.merge(as, process.ticks() * 1000 / TICKS_PER_SECOND, Double::sum);
				queue.addAll(children.getOrDefault(process.pid(), List.of()));
			}
		});
		return cpu;
	}

	private Map<String, Long> commits() {
		Map<String, Long> commits = new TreeMap<>();
		try (Statement statement = postgres().createStatement()) {
			try (ResultSet rows = statement.executeQuery("select datname, xact_commit from pg_stat_database")) {
				while (rows.next()) {
					if (this.topology.databases().contains(rows.getString(1))) {
						commits.put(rows.getString(1), rows.getLong(2));
					}
				}
			}
			// the next transaction id, read without taking one: only writing
			// transactions take ids (rolled back ones too), in every database
			try (ResultSet next = statement
				.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
				next.next();
				commits.put(WRITES, next.getLong(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read pg_stat_database", ex);
		}
		return commits;
	}

	/**
	 * One connection for the whole run, opened before the first sample's counters are
	 * read, so that opening it is not counted as work.
	 */
	private Connection postgres() throws SQLException {
		if (this.postgres == null) {
			Properties credentials = new Properties();
			boolean secured = PlatformKafka.clientProperties(this.topology, this.state)
				.containsKey("security.protocol");
			credentials.setProperty("user", secured ? "shop" : "postgres");
			credentials.setProperty("password",
					secured ? read(this.state.resolve("secrets/backing/shop.backing.postgres-password")) : "postgres");
			this.postgres = DriverManager.getConnection(
					"jdbc:postgresql://127.0.0.1:" + this.topology.instance("postgresql").port() + "/postgres",
					credentials);
		}
		return this.postgres;
	}

	private Admin kafka() {
		if (this.kafka == null) {
			this.kafka = Admin.create(PlatformKafka.clientProperties(this.topology, this.state));
		}
		return this.kafka;
	}

	@Override
	public void close() throws SQLException {
		if (this.kafka != null) {
			this.kafka.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	private KafkaRecords kafkaRecords() {
		try {
			Admin admin = kafka();
			Map<String, TopicDescription> topics = admin
				.describeTopics(
						admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
			topics.values()
				.forEach((topic) -> topic.partitions()
					.forEach((partition) -> partitions.put(new TopicPartition(topic.name(), partition.partition()),
							OffsetSpec.latest())));
			long business = 0;
			long offsetCommits = 0;
			for (var entry : admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).entrySet()) {
				String topic = entry.getKey().topic();
				if (topic.equals("__consumer_offsets")) {
					offsetCommits += entry.getValue().offset();
				}
				else if (!topic.startsWith("__") && !topic.startsWith("perf.")) {
					business += entry.getValue().offset();
				}
			}
			return new KafkaRecords(business, offsetCommits);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read Kafka's end offsets", ex);
		}
	}

	private static Optional<Long> pid(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		String first = read(file).lines().findFirst().orElse("").strip();
		return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Work to measure. */
	@FunctionalInterface
	public interface Load {

		/**
		 * Does the work.
		 * @throws Exception if it fails
		 */
		void run() throws Exception;

	}

	/**
	 * Records appended to Kafka.
	 *
	 * @param business on the platform's topics (the benchmark's own {@code perf.*} left
	 * out)
	 * @param offsetCommits consumer offset commits ({@code __consumer_offsets})
	 */
	public record KafkaRecords(long business, long offsetCommits) {

		KafkaRecords minus(KafkaRecords other) {
			return new KafkaRecords(this.business - other.business, this.offsetCommits - other.offsetCommits);
		}

	}

	/**
	 * The counters at one moment.
	 *
	 * @param nanos when, {@link System#nanoTime()}
	 * @param cpuMillis CPU time per process
	 * @param commits transactions committed per database
	 * @param records records appended to Kafka
	 */
	public record Sample(long nanos, Map<String, Double> cpuMillis, Map<String, Long> commits, KafkaRecords records) {

		/**
		 * What happened since an earlier sample.
		 * @param earlier the earlier sample
		 * @return the work in between
		 */
		public Work since(Sample earlier) {
			Map<String, Double> cpu = new TreeMap<>();
			this.cpuMillis.forEach((name, millis) -> cpu.put(name, millis - earlier.cpuMillis.getOrDefault(name, 0.0)));
			Map<String, Double> commits = new TreeMap<>();
			this.commits.forEach((database, count) -> commits.put(database,
					(double) (count - earlier.commits.getOrDefault(database, count))));
			KafkaRecords records = this.records.minus(earlier.records);
			double seconds = (this.nanos - earlier.nanos) / 1e9;
			return new Work(seconds, cpu, commits, seconds, records.business(), records.offsetCommits());
		}

	}

	/**
	 * Work done over some seconds.
	 *
	 * @param seconds how long it took
	 * @param cpuMillis CPU time per process
	 * @param commits transactions committed per database
	 * @param commitSeconds how long the commits were counted over (PostgreSQL publishes
	 * its counters late, so longer than the work took)
	 * @param records business records appended to Kafka
	 * @param offsetCommits consumer offset commits
	 */
	public record Work(double seconds, Map<String, Double> cpuMillis, Map<String, Double> commits, double commitSeconds,
			double records, double offsetCommits) {

		/**
		 * The round whose total CPU is the median of the rounds'.
		 * @param rounds the rounds
		 * @return that round's work
		 */
		public static Work median(List<Work> rounds) {
			List<Work> sorted = new ArrayList<>(rounds);
			sorted.sort(Comparator.comparingDouble(Work::totalCpuMillis));
			return sorted.get(sorted.size() / 2);
		}

		/**
		 * This work with the commits counted over a longer window, once PostgreSQL has
		 * published them.
		 * @param later the work measured from the same start to a later sample
		 * @return this work with the later one's commits
		 */
		public Work withCommits(Work later) {
			return new Work(this.seconds, this.cpuMillis, later.commits, later.commitSeconds, this.records,
					this.offsetCommits);
		}

		/**
		 * This work without what the platform does idle in as long (heartbeats, scrapes,
		 * the relays' fallback polls, the export of traces).
		 * @param idle the platform idle, over any time
		 * @return the work the load caused
		 */
		public Work minus(Work idle) {
			double scale = this.seconds / idle.seconds;
			double commitScale = this.commitSeconds / idle.commitSeconds;
			Map<String, Double> cpu = new TreeMap<>();
			this.cpuMillis.forEach((name, millis) -> cpu.put(name,
					Math.max(0, millis - scale * idle.cpuMillis.getOrDefault(name, 0.0))));
			Map<String, Double> commits = new TreeMap<>();
			this.commits.forEach((database, count) -> commits.put(database,
					Math.max(0, count - commitScale * idle.commits.getOrDefault(database, 0.0))));
			return new Work(this.seconds, cpu, commits, this.commitSeconds,
					Math.max(0, this.records - scale * idle.records),
					Math.max(0, this.offsetCommits - scale * idle.offsetCommits));
		}

		/**
		 * This work, its durations included, per unit of what caused it.
		 * @param units orders, or messages
		 * @return the work divided by {@code units}
		 */
		public Work per(int units) {
			Map<String, Double> cpu = new TreeMap<>();
			this.cpuMillis.forEach((name, millis) -> cpu.put(name, millis / units));
			Map<String, Double> commits = new TreeMap<>();
			this.commits.forEach((database, count) -> commits.put(database, count / units));
			return new Work(this.seconds / units, cpu, commits, this.commitSeconds / units, this.records / units,
					this.offsetCommits / units);
		}

		/**
		 * CPU time over every process.
		 * @return milliseconds
		 */
		public double totalCpuMillis() {
			return this.cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		/**
		 * Commits over every database.
		 * @return transactions
		 */
		public double totalCommits() {
			return this.commits.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(WRITES))
				.mapToDouble(Map.Entry::getValue)
				.sum();
		}

	}

	/**
	 * One line of {@code /proc/<pid>/stat}.
	 *
	 * @param pid the process
	 * @param ppid its parent
	 * @param command its command name
	 * @param ticks user and system time, its own and its waited-for children's, in clock
	 * ticks
	 */
	record ProcStat(long pid, long ppid, String command, long ticks) {

		static Map<Long, ProcStat> all() {
			Map<Long, ProcStat> all = new HashMap<>();
			try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
				entries.filter((entry) -> entry.getFileName().toString().matches("\\d+")).forEach((entry) -> {
					try {
						ProcStat stat = parse(Files.readString(entry.resolve("stat")));
						all.put(stat.pid(), stat);
					}
					catch (IOException ex) {
						// the process exited meanwhile
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return all;
		}

		/**
		 * Parses a stat line: {@code pid (comm) state ppid ...}, where {@code comm} may
		 * hold spaces and parentheses, so the fields are counted from its last ')'.
		 * @param line the line
		 * @return the fields used here
		 */
		static ProcStat parse(String line) {
			int open = line.indexOf('(');
			int close = line.lastIndexOf(')');
			String[] fields = line.substring(close + 2).strip().split(" ");
			// fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17
			long ticks = 0;
			for (int field = 14; field <= 17; field++) {
				ticks += Long.parseLong(fields[field - 3]);
			}
			return new ProcStat(Long.parseLong(line.substring(0, open).strip()), Long.parseLong(fields[1]),
					line.substring(open + 1, close), ticks);
		}

	}

}
