package org.dsmastery.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH JSON results into the ratios docs/performance.md reports: every figure is
 * measured against another figure of the same run, never against a fixed time.
 */
public final class Report {

	private static final double LAYOUT_LIMIT = 4_096_000;

	private final List<Score> scores = new ArrayList<>();

	private Report(JsonNode results) {
		for (JsonNode result : results) {
			String benchmark = result.get("benchmark").asString();
			String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
			JsonNode params = result.get("params");
			String param = (params != null && params.has("baseUrl")) ? params.get("baseUrl").asString()
					: (params != null && params.has("target")) ? params.get("target").asString() : "";
			JsonNode metric = result.get("primaryMetric");
			JsonNode percentiles = metric.get("scorePercentiles");
			double p99 = (percentiles != null && percentiles.has("99.0")) ? percentiles.get("99.0").asDouble()
					: Double.NaN;
			this.scores.add(new Score(name, param, result.get("mode").asString(), metric.get("score").asDouble(),
					metric.get("scoreError").asDouble(), p99, metric.get("scoreUnit").asString()));
		}
	}

	/**
	 * Prints the report of one or more JMH JSON result files.
	 * @param args the result files
	 */
	public static void main(String[] args) {
		JsonMapper mapper = JsonMapper.builder().build();
		StringBuilder out = new StringBuilder();
		for (String file : args) {
			out.append(new Report(mapper.readTree(Path.of(file).toFile())).render());
		}
		System.out.print(out);
	}

	private String render() {
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
		for (String target : List.of("http://127.0.0.1:8080", "http://127.0.0.1:8085")) {
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
		find("OrderApiBenchmark.placeOrder", "http://127.0.0.1:8080")
			.ifPresent((viaGateway) -> find("OrderApiBenchmark.placeOrder", "http://127.0.0.1:8081")
				.ifPresent((direct) -> ratio(out, "POST /api/orders: through the gateway vs direct",
						viaGateway.value() / direct.value(), 0)));
		for (String name : List.of("IdApiBenchmark.singlePerRequest", "IdApiBenchmark.batchPerRequest")) {
			Optional<Score> viaGateway = find(name, "http://127.0.0.1:8080");
			Optional<Score> direct = find(name, "http://127.0.0.1:8085");
			if (viaGateway.isPresent() && direct.isPresent()) {
				ratio(out, name + ": through the gateway vs direct", viaGateway.get().value() / direct.get().value(),
						0);
			}
		}
		rateLimiterRatios(out);
		edgeRatios(out);
		return out.toString();
	}

	private void rateLimiterRatios(StringBuilder out) {
		for (String contention : List.of("Uncontended", "Contended")) {
			Optional<Score> ours = find("RateLimiterBenchmark.limiter" + contention, "");
			Optional<Score> bucket4j = find("RateLimiterBenchmark.bucket4j" + contention, "");
			if (ours.isPresent() && bucket4j.isPresent()) {
				ratio(out,
						"token-bucket decisions/s, "
								+ ("Uncontended".equals(contention) ? "a key per thread" : "4 threads on one key")
								+ ": libs/ratelimit vs Bucket4j-Lettuce",
						ours.get().value() / bucket4j.get().value(), "Uncontended".equals(contention) ? 1.5 : 5);
			}
		}
	}

	/**
	 * The gateway against both direct baselines: the two instances it balances over
	 * ({@code direct-both}: only the hop differs, so the goals are judged on it) and one
	 * instance alone ({@code direct}: for information; on two shared cores one JVM at
	 * full load serves a request with less CPU than two at half load each).
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
				double ratio = gatewayLatency.get().p99() / directLatency.get().p99();
				out.append(String.format(Locale.ROOT,
						"- GET /api/ids?count=1 p99, one client: through the gateway vs %s: **%.2fx**%s%n", against,
						ratio, !judged ? "" : (ratio <= 2) ? " (goal <= 2x: met)" : " (goal <= 2x: NOT met)"));
			}
		}
		Optional<Score> directSaturated = find("EdgeBenchmark.latencySaturated", "direct-both");
		Optional<Score> gatewaySaturated = find("EdgeBenchmark.latencySaturated", "gateway");
		if (directSaturated.isPresent() && gatewaySaturated.isPresent()) {
			out.append(String.format(Locale.ROOT,
					"- GET /api/ids?count=1 p99, 4 clients saturating the CPUs: through the gateway vs direct to the same "
							+ "two instances: **%.2fx** (queueing; for information)%n",
					gatewaySaturated.get().p99() / directSaturated.get().p99()));
		}
		if (gateway.isPresent() && unlimited.isPresent()) {
			ratio(out, "gateway req/s with the rate limiter vs with it switched off",
					gateway.get().value() / unlimited.get().value(), 0.75);
		}
	}

	private static void ratio(StringBuilder out, String what, double ratio, double goal) {
		String verdict = (goal <= 0) ? "" : (ratio >= goal) ? String.format(Locale.ROOT, " (goal >= %sx: met)", goal)
				: String.format(Locale.ROOT, " (goal >= %sx: NOT met)", goal);
		out.append(String.format(Locale.ROOT, "- %s: **%.2fx**%s%n", what, ratio, verdict));
	}

	private Optional<Score> find(String name, String param) {
		return this.scores.stream().filter((s) -> s.name().equals(name) && s.param().equals(param)).findFirst();
	}

	private record Score(String name, String param, String mode, double value, double error, double p99, String unit) {
	}

}
