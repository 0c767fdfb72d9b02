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
			String param = (params != null && params.has("baseUrl")) ? params.get("baseUrl").asString() : "";
			JsonNode metric = result.get("primaryMetric");
			this.scores
				.add(new Score(name, param, metric.get("score").asDouble(), metric.get("scoreError").asDouble()));
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
			out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f |%n", score.name(),
					score.param().isEmpty() ? "in-process" : score.param(), score.value(), score.error()));
		}
		out.append('\n');
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
		return out.toString();
	}

	private static void ratio(StringBuilder out, String what, double ratio, double goal) {
		String verdict = (goal <= 0) ? "" : (ratio >= goal) ? String.format(Locale.ROOT, " (goal >= %sx: met)", goal)
				: String.format(Locale.ROOT, " (goal >= %sx: NOT met)", goal);
		out.append(String.format(Locale.ROOT, "- %s: **%.2fx**%s%n", what, ratio, verdict));
	}

	private Optional<Score> find(String name, String param) {
		return this.scores.stream().filter((s) -> s.name().equals(name) && s.param().equals(param)).findFirst();
	}

	private record Score(String name, String param, double value, double error) {
	}

}
