package org.dsmastery.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH JSON results into the ratios docs/performance.md reports: every figure is
 * measured against another figure of the same run, never against a fixed time.
 * <p>
 * Given several result files of the same suite, one per round ({@code ./platform bench
 * ratelimit} runs five, {@code edge} three), it reports each round and then the median of
 * every ratio over the rounds, judged against its goal, with the number of rounds that
 * met it. On a shared 2-core machine a burst of steal time can halve one benchmark's
 * figure for seconds to minutes; the two sides of a comparison run next to each other in
 * every round, and the rounds minutes apart, so one burst moves one round, not the median
 * (ADR 0015).
 */
public final class Report {

	private static final double LAYOUT_LIMIT = 4_096_000;

	private final List<Score> scores = new ArrayList<>();

	/** The ratios {@link #render()} printed, for the median over rounds. */
	private final List<Ratio> ratios = new ArrayList<>();

	Report(JsonNode results) {
		for (JsonNode result : results) {
			String benchmark = result.get("benchmark").asString();
			String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
			JsonNode params = result.get("params");
			// the target a benchmark measures, or the one setting it varies
			String param = (params == null || params.isEmpty()) ? "" : params.has("target")
					? params.get("target").asString() : params.values().iterator().next().asString();
			JsonNode metric = result.get("primaryMetric");
			JsonNode percentiles = metric.get("scorePercentiles");
			double p99 = (percentiles != null && percentiles.has("99.0")) ? percentiles.get("99.0").asDouble()
					: Double.NaN;
			this.scores.add(new Score(name, param, result.get("mode").asString(), result.path("threads").asInt(1),
					metric.get("score").asDouble(), number(metric.get("scoreError")), p99,
					metric.get("scoreUnit").asString()));
		}
	}

	/**
	 * A JMH number: JMH writes an error it could not compute (one iteration) as the
	 * string {@code "NaN"}.
	 */
	private static double number(JsonNode value) {
		return value.isNumber() ? value.asDouble() : Double.NaN;
	}

	/**
	 * Prints the report of one JMH JSON result file, or of several: the rounds of one
	 * suite, then the median of each ratio over them.
	 * @param args the result files
	 */
	public static void main(String[] args) {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Report> rounds = new ArrayList<>();
		for (String file : args) {
			rounds.add(new Report(mapper.readTree(Path.of(file).toFile())));
		}
		System.out.print(render(rounds));
	}

	static String render(List<Report> rounds) {
		if (rounds.size() == 1) {
			return rounds.getFirst().render();
		}
		StringBuilder out = new StringBuilder();
		for (int round = 0; round < rounds.size(); round++) {
			out.append("### Round ").append(round + 1).append("\n\n").append(rounds.get(round).render()).append('\n');
		}
		out.append("### Median of ").append(rounds.size()).append(" rounds\n\n");
		Map<String, List<Ratio>> byWhat = new LinkedHashMap<>();
		for (Report round : rounds) {
			for (Ratio ratio : round.ratios) {
				byWhat.computeIfAbsent(ratio.what(), (what) -> new ArrayList<>()).add(ratio);
			}
		}
		for (List<Ratio> sameRatio : byWhat.values()) {
			out.append(median(sameRatio));
		}
		return out.toString();
	}

	/**
	 * The median of one ratio over the rounds, judged against its goal, with every
	 * round's value and how many rounds met the goal.
	 */
	private static String median(List<Ratio> rounds) {
		Ratio first = rounds.getFirst();
		double[] values = rounds.stream().mapToDouble(Ratio::value).sorted().toArray();
		int middle = values.length / 2;
		double median = (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
		String each = rounds.stream()
			.map((ratio) -> String.format(Locale.ROOT, "%.2fx", ratio.value()))
			.collect(Collectors.joining(", "));
		String met = first.judged() ? String.format(Locale.ROOT, "; met in %d of %d",
				rounds.stream().filter(Ratio::met).count(), rounds.size()) : "";
		return new Ratio(first.what(), median, first.goal(), first.atMost()).line("; rounds: " + each + met);
	}

	private String render() {
		this.ratios.clear();
		StringBuilder out = new StringBuilder("| benchmark | target | ops/s | ± (99.9%) |\n|---|---|---:|---:|\n");
		for (Score score : this.scores) {
			if (!"sample".equals(score.mode())) {
				out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f |%n", score.name(),
						score.param().isEmpty() ? "in-process" : score.param(), score.value(), score.error()));
			}
		}
		out.append('\n');
		if (this.scores.stream().anyMatch((score) -> "sample".equals(score.mode()))) {
			out.append("| benchmark | target | mean | p99 |\n|---|---|---:|---:|\n");
			for (Score score : this.scores) {
				if ("sample".equals(score.mode())) {
					out.append(String.format(Locale.ROOT, "| %s | %s | %.3f %s | %.3f %s |%n", score.name(),
							score.param().isEmpty() ? "in-process" : score.param(), score.value(), score.unit(),
							score.p99(), score.unit()));
				}
			}
			out.append('\n');
		}
		find("SnowflakeGeneratorBenchmark.single", "").ifPresent((single) -> {
			ratio(out, "generator, one thread, vs the 4.096M/s layout limit", single.value() / LAYOUT_LIMIT, 0.95);
			find("SnowflakeGeneratorBenchmark.batch", "").ifPresent(
					(batch) -> ratio(out, "generator: batch of 1000 vs single", batch.value() / single.value(), 0));
		});
		for (String target : List.of("gateway", "id-generator")) {
			Optional<Score> single = find("IdApiBenchmark.singlePerRequest", target);
			Optional<Score> batch = find("IdApiBenchmark.batchPerRequest", target);
			if (single.isPresent() && batch.isPresent()) {
				ratio(out, "HTTP " + target + ": ids/s with count=1000 vs one id per request",
						batch.get().value() / single.get().value(), 10);
			}
		}
		find("OutboxRelayBenchmark.outboxRelay", "")
			.ifPresent((relay) -> find("OutboxRelayBenchmark.rawProducer", "").ifPresent((raw) -> ratio(out,
					"outbox relay vs raw KafkaProducer, messages/s", relay.value() / raw.value(), 0)));
		find("OutboxNotifyBenchmark.appendAndCommit", "none").ifPresent((quiet) -> {
			for (String how : List.of("trigger", "statement")) {
				find("OutboxNotifyBenchmark.appendAndCommit", how).ifPresent(
						(notified) -> ratio(out, "outbox appends committed/s, 8 writers: NOTIFY by " + how + " vs none",
								notified.value() / quiet.value(), 0));
			}
		});
		find("OrderApiBenchmark.placeOrder", "gateway").ifPresent(
				(viaGateway) -> find("OrderApiBenchmark.placeOrder", "order-service").ifPresent((direct) -> ratio(out,
						"POST /api/orders: through the gateway vs direct", viaGateway.value() / direct.value(), 0)));
		for (String name : List.of("IdApiBenchmark.singlePerRequest", "IdApiBenchmark.batchPerRequest")) {
			Optional<Score> viaGateway = find(name, "gateway");
			Optional<Score> direct = find(name, "id-generator");
			if (viaGateway.isPresent() && direct.isPresent()) {
				ratio(out, name + ": through the gateway vs direct", viaGateway.get().value() / direct.get().value(),
						0);
			}
		}
		rateLimiterRatios(out);
		edgeRatios(out);
		return out.toString();
	}

	/**
	 * Our limiter against Bucket4j: a key per thread and one key for all threads, judged
	 * at the 4 threads the goals were set for; 16 threads on one key, or any other thread
	 * count given to JMH with {@code -t}, is reported for information.
	 */
	private void rateLimiterRatios(StringBuilder out) {
		for (String contention : List.of("uncontended", "contended", "crowded")) {
			Optional<Score> ours = find("RateLimiterBenchmark." + contention + "Limiter", "");
			Optional<Score> bucket4j = find("RateLimiterBenchmark." + contention + "Bucket4j", "");
			if (ours.isPresent() && bucket4j.isPresent()) {
				int threads = ours.get().threads();
				boolean ownKeys = "uncontended".equals(contention);
				boolean judged = threads == 4 && !"crowded".equals(contention);
				double goal = !judged ? 0 : ownKeys ? 1.5 : 5;
				ratio(out,
						"token-bucket decisions/s, " + (ownKeys ? "a key per thread (" + threads + " threads)"
								: threads + " threads on one key") + ": libs/ratelimit vs Bucket4j-Lettuce",
						ours.get().value() / bucket4j.get().value(), goal);
			}
		}
	}

	/**
	 * The gateway against both direct baselines: the two instances it balances over
	 * ({@code direct-both}: only the hop differs, so the goals are judged on it) and one
	 * instance alone ({@code direct}: for information; on two shared cores one JVM at
	 * full load serves a request with less CPU than two at half load each). For
	 * information too, a bare proxy over the same two instances splits the gateway's
	 * ratio into the hop and the gateway's own work.
	 */
	private void edgeRatios(StringBuilder out) {
		Optional<Score> gateway = find("EdgeBenchmark.throughput", "gateway");
		Optional<Score> unlimited = find("EdgeBenchmark.throughput", "gateway-unlimited");
		Optional<Score> gatewayLatency = find("EdgeBenchmark.latency", "gateway");
		for (String baseline : List.of("direct-both", "direct")) {
			boolean judged = "direct-both".equals(baseline);
			String against = judged ? "direct to the same two instances" : "direct to one instance (for information)";
			Optional<Score> direct = find("EdgeBenchmark.throughput", baseline);
			if (direct.isPresent() && gateway.isPresent()) {
				ratio(out, "GET /api/ids?count=1 req/s: through the gateway (rate limited) vs " + against,
						gateway.get().value() / direct.get().value(), judged ? 0.35 : 0);
			}
			Optional<Score> directLatency = find("EdgeBenchmark.latency", baseline);
			if (directLatency.isPresent() && gatewayLatency.isPresent()) {
				ratioAtMost(out, "GET /api/ids?count=1 p99, one client: through the gateway vs " + against,
						gatewayLatency.get().p99() / directLatency.get().p99(), judged ? 2 : 0);
			}
		}
		if (gateway.isPresent() && unlimited.isPresent()) {
			ratio(out, "gateway req/s with the rate limiter vs with it switched off",
					gateway.get().value() / unlimited.get().value(), 0.75);
		}
		Optional<Score> catalogue = find("EdgeBenchmark.throughput", "catalogue");
		Optional<Score> catalogueWithToken = find("EdgeBenchmark.throughput", "catalogue-token");
		if (catalogue.isPresent() && catalogueWithToken.isPresent()) {
			ratio(out,
					"GET /api/products/{sku} req/s through the gateway: with a token (validated at the gateway "
							+ "and again at the service) vs without",
					catalogueWithToken.get().value() / catalogue.get().value(), 0.90);
		}
		Optional<Score> bare = find("EdgeBenchmark.throughput", "bare-proxy");
		Optional<Score> directBoth = find("EdgeBenchmark.throughput", "direct-both");
		if (bare.isPresent() && directBoth.isPresent()) {
			ratio(out, "GET /api/ids?count=1 req/s: through a bare proxy vs direct to the same two instances "
					+ "(for information: the hop alone)", bare.get().value() / directBoth.get().value(), 0);
		}
		if (bare.isPresent() && gateway.isPresent()) {
			ratio(out,
					"GET /api/ids?count=1 req/s: through the gateway vs through a bare proxy "
							+ "(for information: what the gateway's features cost)",
					gateway.get().value() / bare.get().value(), 0);
		}
	}

	private void ratio(StringBuilder out, String what, double value, double goal) {
		record(out, new Ratio(what, value, goal, false));
	}

	private void ratioAtMost(StringBuilder out, String what, double value, double goal) {
		record(out, new Ratio(what, value, goal, true));
	}

	private void record(StringBuilder out, Ratio ratio) {
		this.ratios.add(ratio);
		out.append(ratio.line(""));
	}

	private Optional<Score> find(String name, String param) {
		return this.scores.stream().filter((s) -> s.name().equals(name) && s.param().equals(param)).findFirst();
	}

	private record Score(String name, String param, String mode, int threads, double value, double error, double p99,
			String unit) {
	}

	/**
	 * One ratio and its goal, if it has one.
	 *
	 * @param what what is compared with what
	 * @param value the ratio
	 * @param goal the goal, {@code 0} for a ratio reported for information
	 * @param atMost whether the goal is an upper bound (latency) rather than a lower one
	 * (throughput)
	 */
	record Ratio(String what, double value, double goal, boolean atMost) {

		boolean judged() {
			return this.goal > 0;
		}

		boolean met() {
			return this.atMost ? this.value <= this.goal : this.value >= this.goal;
		}

		String line(String detail) {
			String verdict = !judged() ? "" : String.format(Locale.ROOT, " (goal %s %sx: %s)",
					this.atMost ? "<=" : ">=", this.goal, met() ? "met" : "NOT met");
			return String.format(Locale.ROOT, "- %s: **%.2fx**%s%s%n", this.what, this.value, verdict, detail);
		}

	}

}
