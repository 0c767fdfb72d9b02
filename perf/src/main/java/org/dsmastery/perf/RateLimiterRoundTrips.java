package org.dsmastery.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.bucket4j.distributed.BucketProxy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;
import org.dsmastery.ratelimiting.RedisRateLimiter;

/**
 * Why the ratio on one key depends on how many callers share it: for 1 to 16 threads on
 * one key, the decisions per second of libs/ratelimit and of Bucket4j's Lettuce proxy
 * manager, and how many Redis commands each sends per decision, counted by a Lettuce
 * {@link CommandListener} on each side's own client. Each command is one round trip for
 * the thread that waits on it.
 * <p>
 * Ours sends one {@code EVALSHA} per decision. Bucket4j sends a {@code GET} and a
 * compare-and-swap {@code EVAL} per attempt, and retries when another thread swapped
 * first. The table also gives Redis's own time per script ({@code INFO commandstats}).
 * Plain threads in a closed loop, not JMH: the point is the count, and the two sides run
 * one after the other at each setting, on the same Redis, as in
 * {@link RateLimiterBenchmark}.
 * <p>
 * {@code ./platform bench ratelimit-sweep [seconds-per-setting] [threads ...]}, with the
 * platform down; by default 4 s at 1, 2, 4, 8 and 16 threads.
 */
public final class RateLimiterRoundTrips {

	private static final Pattern CALLS = Pattern
		.compile("cmdstat_(\\w+):calls=(\\d+),usec=\\d+,usec_per_call=([\\d.]+)");

	private final RedisCommands<String, String> admin;

	private final Side ours;

	private final Side bucket4j;

	private RateLimiterRoundTrips(RedisCommands<String, String> admin, Side ours, Side bucket4j) {
		this.admin = admin;
		this.ours = ours;
		this.bucket4j = bucket4j;
	}

	/**
	 * Runs the sweep and prints it as a Markdown table.
	 * @param args seconds per setting, then thread counts
	 * @throws Exception if Redis does not start
	 */
	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 4;
		List<Integer> threadCounts = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			threadCounts.add(Integer.parseInt(args[i]));
		}
		if (threadCounts.isEmpty()) {
			threadCounts.addAll(List.of(1, 2, 4, 8, 16));
		}
		Path directory = Files.createTempDirectory("ratelimit-trips-");
		DevStackConfig config = DevStackConfig.ephemeral(directory, List.of());
		String uri = "redis://127.0.0.1:" + config.redisPort();
		try (DevStack stack = DevStack.start(config, EnumSet.of(Infra.REDIS), false)) {
			RedisClient adminClient = RedisClient.create(uri);
			RedisClient limiterClient = RedisClient.create(uri);
			RedisClient bucket4jClient = RedisClient.create(uri);
			// a client counts the commands of the connections it opens after this
			Map<String, LongAdder> ourCommands = countCommands(limiterClient);
			Map<String, LongAdder> theirCommands = countCommands(bucket4jClient);
			try (StatefulRedisConnection<String, String> adminConnection = adminClient.connect();
					RedisRateLimiter limiter = new RedisRateLimiter(limiterClient, "rl-trips:")) {
				while (!limiter.connected()) {
					Thread.onSpinWait();
				}
				BucketProxy bucket = RateLimiterBenchmark.bucket4j(bucket4jClient)
					.builder()
					.build("b4j-trips:hot".getBytes(), () -> RateLimiterBenchmark.BUCKET4J_LIMIT);
				Side ours = new Side("libs/ratelimit", ourCommands,
						() -> limiter.decide("hot", RateLimiterBenchmark.LIMIT, 1).join().allowed());
				Side theirs = new Side("Bucket4j", theirCommands, () -> bucket.tryConsume(1));
				RateLimiterRoundTrips sweep = new RateLimiterRoundTrips(adminConnection.sync(), ours, theirs);
				sweep.warmUp();
				System.out.print(sweep.run(threadCounts, Duration.ofSeconds(seconds)));
			}
			finally {
				bucket4jClient.shutdown();
				limiterClient.shutdown();
				adminClient.shutdown();
			}
		}
	}

	private static Map<String, LongAdder> countCommands(RedisClient client) {
		Map<String, LongAdder> commands = new ConcurrentHashMap<>();
		client.addListener(new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				commands.computeIfAbsent(event.getCommand().getType().toString(), (type) -> new LongAdder())
					.increment();
			}
		});
		return commands;
	}

	private void warmUp() throws InterruptedException {
		this.ours.run(4, Duration.ofSeconds(3));
		this.bucket4j.run(4, Duration.ofSeconds(3));
	}

	private String run(List<Integer> threadCounts, Duration each) throws InterruptedException {
		StringBuilder table = new StringBuilder("""
				| threads on one key | libs/ratelimit: decisions/s | Bucket4j: decisions/s | ratio \
				| libs/ratelimit: commands per decision | Bucket4j: commands per decision \
				| Bucket4j: swap attempts per decision | Redis time per script, ours / Bucket4j's swap |
				|---:|---:|---:|---:|---:|---:|---:|---|
				""");
		for (int threads : threadCounts) {
			Result ourResult = measure(this.ours, threads, each);
			Result theirResult = measure(this.bucket4j, threads, each);
			table.append(String.format(Locale.ROOT,
					"| %d | %,.0f | %,.0f | %.2fx | %.2f | %.2f | %.2f | %s / %s us |%n", threads,
					ourResult.perSecond(), theirResult.perSecond(), ourResult.perSecond() / theirResult.perSecond(),
					ourResult.commandsPerDecision(), theirResult.commandsPerDecision(), theirResult.perDecision("EVAL"),
					ourResult.redisMicros("evalsha"), theirResult.redisMicros("eval")));
		}
		return table.toString();
	}

	private Result measure(Side side, int threads, Duration each) throws InterruptedException {
		this.admin.configResetstat();
		side.commands.clear();
		long decisions = side.run(threads, each);
		Map<String, Long> commands = side.commands.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> entry.getValue().sum()));
		return new Result(decisions, each, commands, this.admin.info("commandstats"));
	}

	/**
	 * One side of the comparison: its decision, and the commands its client sent.
	 */
	private static final class Side {

		private final String name;

		private final BooleanSupplier decide;

		private final Map<String, LongAdder> commands;

		Side(String name, Map<String, LongAdder> commands, BooleanSupplier decide) {
			this.name = name;
			this.commands = commands;
			this.decide = decide;
		}

		long run(int threads, Duration duration) throws InterruptedException {
			LongAdder decisions = new LongAdder();
			long end = System.nanoTime() + duration.toNanos();
			List<Thread> callers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				callers.add(Thread.ofPlatform().name(this.name + "-" + i).start(() -> {
					while (System.nanoTime() < end) {
						if (!this.decide.getAsBoolean()) {
							throw new IllegalStateException("refused: the limit must never bind");
						}
						decisions.increment();
					}
				}));
			}
			for (Thread caller : callers) {
				caller.join();
			}
			return decisions.sum();
		}

	}

	private record Result(long decisions, Duration duration, Map<String, Long> commands, String commandStats) {

		double perSecond() {
			return this.decisions / (this.duration.toNanos() / 1e9);
		}

		double commandsPerDecision() {
			return this.commands.values().stream().mapToLong(Long::longValue).sum() / (double) this.decisions;
		}

		double perDecision(String command) {
			return this.commands.getOrDefault(command, 0L) / (double) this.decisions;
		}

		String redisMicros(String command) {
			Matcher matcher = CALLS.matcher(this.commandStats);
			while (matcher.find()) {
				if (matcher.group(1).equals(command)) {
					return matcher.group(3);
				}
			}
			return "-";
		}

	}

}
