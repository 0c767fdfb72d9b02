package org.dsmastery.perf.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dsmastery.perf.ConsumerRecoveryBenchmark;
import org.dsmastery.perf.RateLimiterRoundTrips;
import org.dsmastery.perf.Report;
import org.dsmastery.perf.SagaThroughputBenchmark;
import org.dsmastery.topology.Topology;
import org.openjdk.jmh.runner.Runner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code ./platform bench [suite] [--rounds N] [options]}: runs a suite of benchmarks and
 * prints its ratios. The script builds this module and, for the edge suite, starts the
 * bare proxy; everything else happens here.
 * <p>
 * JMH suites run in rounds, every benchmark of the suite once per round, so that a burst
 * of steal time on a shared machine moves one round's ratio and not the median that
 * {@link Report} judges (ADR 0015). The other suites are programs of their own: a
 * closed-loop load of whole sagas, a Redis sweep, a consumer group after a kill -9, the
 * platform's cold start and memory.
 */
public final class Bench {

	private static final Logger logger = LoggerFactory.getLogger(Bench.class);

	/**
	 * The suites, by the name {@code ./platform bench} takes.
	 *
	 * @param pattern the JMH benchmarks, or {@code null} for a program of its own
	 * @param rounds the default number of rounds
	 * @param needsPlatform whether it measures the running platform
	 */
	record Suite(String pattern, int rounds, boolean needsPlatform) {
	}

	static final Map<String, Suite> SUITES = Map.ofEntries(
			Map.entry("generator", new Suite("SnowflakeGeneratorBenchmark", 1, false)),
			Map.entry("api", new Suite("IdApiBenchmark", 1, true)),
			Map.entry("outbox", new Suite("OutboxRelayBenchmark|OutboxNotifyBenchmark", 1, false)),
			Map.entry("orders", new Suite("OrderApiBenchmark", 1, true)),
			Map.entry("ratelimit", new Suite("RateLimiterBenchmark", 5, false)),
			Map.entry("edge", new Suite("EdgeBenchmark", 3, true)),
			Map.entry("all", new Suite(
					"SnowflakeGeneratorBenchmark|IdApiBenchmark|OutboxRelayBenchmark|OutboxNotifyBenchmark|OrderApiBenchmark"
							+ "|RateLimiterBenchmark|EdgeBenchmark",
					1, true)),
			Map.entry("saga", new Suite(null, 1, true)), Map.entry("saga-breakdown", new Suite(null, 1, true)),
			Map.entry("ratelimit-sweep", new Suite(null, 1, false)),
			Map.entry("consumer-recovery", new Suite(null, 1, false)),
			Map.entry("footprint", new Suite(null, 1, false)));

	private static final List<String> ORDER = List.of("generator", "outbox", "ratelimit", "ratelimit-sweep",
			"consumer-recovery", "footprint", "api", "orders", "edge", "saga", "saga-breakdown", "all");

	private final Path root;

	private final Path state;

	private final Topology topology = Topology.local();

	Bench(Path root, Path state) {
		this.root = root;
		this.state = state;
	}

	/**
	 * Runs a suite.
	 * @param args the repository's root, the platform's state folder, the suite, then
	 * {@code --rounds N} and the suite's own options
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		Bench bench = new Bench(Path.of(args[0]), Path.of(args[1]));
		String suite = (args.length > 2) ? args[2] : "generator";
		List<String> options = new ArrayList<>(Arrays.asList(args).subList(Math.min(3, args.length), args.length));
		String problem = bench.run(suite, options);
		if (problem != null) {
			logger.error("platform: {}", problem);
			System.exit(1);
		}
	}

	/**
	 * Runs a suite.
	 * @param name the suite's name
	 * @param options {@code --rounds N} and the suite's own options
	 * @return what stopped the suite from running, or {@code null}
	 * @throws Exception if a benchmark fails
	 */
	String run(String name, List<String> options) throws Exception {
		Suite suite = SUITES.get(name);
		if (suite == null) {
			return "unknown benchmark suite '" + name + "' (" + String.join(", ", ORDER) + ")";
		}
		int rounds = suite.rounds();
		if (!options.isEmpty() && options.getFirst().equals("--rounds")) {
			if (name.equals("saga")) {
				return "the saga benchmark interleaves its styles in rounds of its own: "
						+ "./platform bench saga [orders-per-style] [in-flight] [saga-only] [work] [hot], "
						+ "or ./platform bench saga open [rates] [seconds] [hot]";
			}
			if (name.equals("ratelimit-sweep")) {
				return "the sweep runs once: ./platform bench ratelimit-sweep [seconds-per-setting] [threads ...]";
			}
			if (options.size() < 2 || !options.get(1).matches("[1-9][0-9]*")) {
				return "--rounds takes a number of rounds, such as --rounds 3";
			}
			rounds = Integer.parseInt(options.get(1));
			options = options.subList(2, options.size());
		}
		boolean platformUp = listening(this.topology.gateway().port());
		if (suite.needsPlatform() && !platformUp) {
			return "the api benchmarks measure the running platform: ./platform up first";
		}
		if (platformUp && !"peak".equals(read(this.state.resolve("run/jit")))) {
			logger.warn(
					"platform: note: the services run C1 only; for peak numbers start them with ./platform up --peak");
		}
		String[] rest = options.toArray(String[]::new);
		switch (name) {
			case "saga" -> {
				step("Running the saga benchmark (both styles side by side; closed loop, then the raw Kafka "
						+ "pipelines, unless saga-only or open)");
				SagaThroughputBenchmark.main(rest);
			}
			case "saga-breakdown" -> {
				step("Reading where the latest orders' time went, from their traces in Zipkin");
				SagaBreakdown.main(rest);
			}
			case "consumer-recovery" -> {
				step("Running the consumer-recovery benchmark (a Kafka of its own; about 8 minutes)");
				ConsumerRecoveryBenchmark.main(rest);
			}
			case "ratelimit-sweep" -> {
				step("Running the rate-limiter sweep (threads on one key; both limiters at each setting)");
				RateLimiterRoundTrips.main(rest);
			}
			case "footprint" -> {
				if (platformUp) {
					return "the footprint benchmark starts the platform itself: ./platform down first";
				}
				return new Footprint(this.root, this.state, this.topology).run(rest);
			}
			default -> jmh(name, suite, rounds, options);
		}
		return null;
	}

	private void jmh(String name, Suite suite, int rounds, List<String> options) throws Exception {
		if (name.equals("edge") || name.equals("all")) {
			// services start cold, and the gateway's C2 compiler needs minutes of load:
			// without
			// this the gateway's first measured iterations were still compiling
			// (docs/performance.md)
			step("Priming the gateway (90 s of load) and the bare proxy (30 s), not measured");
			jmh("EdgeBenchmark.throughput", "-p", "target=gateway", "-wi", "0", "-i", "1", "-r", "90s", "-o",
					"/dev/null");
			jmh("EdgeBenchmark.throughput", "-p", "target=bare-proxy", "-wi", "0", "-i", "1", "-r", "30s", "-o",
					"/dev/null");
		}
		Path results = this.root.resolve("perf/target");
		try (Stream<Path> old = Files.list(results)) {
			for (Path file : old.filter((path) -> path.getFileName().toString().startsWith("jmh-" + name)).toList()) {
				Files.delete(file);
			}
		}
		List<String> files = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			Path file = results
				.resolve((rounds == 1) ? "jmh-" + name + ".json" : "jmh-" + name + "-round" + round + ".json");
			files.add(file.toString());
			step("Running JMH (" + suite.pattern() + ")" + ((rounds == 1) ? "" : ", round " + round + " of " + rounds)
					+ "; results in " + file);
			List<String> arguments = new ArrayList<>(List.of(suite.pattern(), "-rf", "json", "-rff", file.toString()));
			arguments.addAll(options);
			jmh(arguments.toArray(String[]::new));
		}
		step("Ratios (same run)");
		Report.main(files.toArray(String[]::new));
	}

	private static void jmh(String... arguments) throws Exception {
		new Runner(new CommandLineOptions(arguments)).run();
	}

	private void step(String line) {
		logger.info("\033[1m==> {}\033[0m", line);
	}

	static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file).strip() : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
