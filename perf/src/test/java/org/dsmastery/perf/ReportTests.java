package org.dsmastery.perf;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Report}: the ratios of one run, and the median over rounds.
 */
class ReportTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void oneRunReportsEachRatioAgainstItsGoal() {
		String report = Report.render(List.of(rateLimiterRound(12_000, 6_000, 10_000, 1_000)));

		assertThat(report).contains("| RateLimiterBenchmark.uncontendedLimiter | in-process | 12,000 |")
			.contains("a key per thread (4 threads): libs/ratelimit vs Bucket4j-Lettuce: **2.00x** (goal >= 1.5x: met)")
			.contains("4 threads on one key: libs/ratelimit vs Bucket4j-Lettuce: **10.00x** (goal >= 5.0x: met)")
			.doesNotContain("Median");
	}

	@Test
	void roundsAreReportedOneByOneThenByTheirMedian() {
		String report = Report.render(List.of(rateLimiterRound(12_000, 6_000, 10_000, 1_000),
				rateLimiterRound(7_000, 7_000, 9_000, 2_000), rateLimiterRound(16_000, 10_000, 4_000, 1_000)));

		assertThat(report).contains("### Round 1", "### Round 2", "### Round 3", "### Median of 3 rounds")
			.contains(
					"a key per thread (4 threads): libs/ratelimit vs Bucket4j-Lettuce: **1.60x** (goal >= 1.5x: met); "
							+ "rounds: 2.00x, 1.00x, 1.60x; met in 2 of 3")
			.contains("4 threads on one key: libs/ratelimit vs Bucket4j-Lettuce: **4.50x** (goal >= 5.0x: NOT met); "
					+ "rounds: 10.00x, 4.50x, 4.00x; met in 1 of 3");
	}

	@Test
	void otherThreadCountsOnOneKeyAreReportedForInformation() {
		String crowded = Report.render(List.of(report("""
				[%s, %s]
				""".formatted(throughput("RateLimiterBenchmark.crowdedLimiter", 16, 24_000),
				throughput("RateLimiterBenchmark.crowdedBucket4j", 16, 2_000)))));
		String overridden = Report.render(List.of(report("""
				[%s, %s]
				""".formatted(throughput("RateLimiterBenchmark.contendedLimiter", 8, 19_000),
				throughput("RateLimiterBenchmark.contendedBucket4j", 8, 3_800)))));

		assertThat(crowded).contains("16 threads on one key: libs/ratelimit vs Bucket4j-Lettuce: **12.00x**\n");
		assertThat(overridden).contains("8 threads on one key: libs/ratelimit vs Bucket4j-Lettuce: **5.00x**\n");
	}

	@Test
	void anUpperBoundGoalIsMetAtOrBelowIt() {
		String report = Report.render(List.of(edgeRound(3.0, 5.0), edgeRound(2.0, 5.0)));

		assertThat(report).contains("p99, one client: through the gateway vs direct to the same two instances: "
				+ "**2.08x** (goal <= 2.0x: NOT met); rounds: 1.67x, 2.50x; met in 1 of 2");
	}

	@Test
	void aBareProxySplitsTheGatewaysRatioForInformation() {
		String report = Report.render(List.of(report("""
				[%s, %s, %s]
				""".formatted(edgeThroughput("direct-both", 4_000), edgeThroughput("gateway", 1_400),
				edgeThroughput("bare-proxy", 2_000)))));

		assertThat(report)
			.contains("through the gateway (rate limited) vs direct to the same two instances: **0.35x** "
					+ "(goal >= 0.35x: met)")
			.contains("through a bare proxy vs direct to the same two instances (for information: the hop alone): "
					+ "**0.50x**\n")
			.contains("through the gateway vs through a bare proxy (for information: what the gateway's features "
					+ "cost): **0.70x**\n");
	}

	@Test
	void aSingleIterationHasNoErrorButStillARatio() {
		String report = Report.render(List.of(report("""
				[{"benchmark": "org.dsmastery.perf.SnowflakeGeneratorBenchmark.single", "mode": "thrpt",
				  "primaryMetric": {"score": 4096000.0, "scoreError": "NaN", "scoreUnit": "ops/s"}}]
				""")));

		assertThat(report).contains("| SnowflakeGeneratorBenchmark.single | in-process | 4,096,000 | NaN |")
			.contains("vs the 4.096M/s layout limit: **1.00x** (goal >= 0.95x: met)");
	}

	@Test
	void theOutboxsNotificationIsComparedWithNoneEitherWayItIsSent() {
		String report = Report.render(List.of(report("""
				[%s, %s, %s]
				""".formatted(notifyThroughput("trigger", 900), notifyThroughput("statement", 600),
				notifyThroughput("none", 1000)))));

		assertThat(report).contains("outbox appends committed/s, 8 writers: NOTIFY by trigger vs none: **0.90x**")
			.contains("outbox appends committed/s, 8 writers: NOTIFY by statement vs none: **0.60x**");
	}

	private Report rateLimiterRound(double ours, double bucket4j, double oursContended, double contendedBucket4j) {
		return report("""
				[%s, %s, %s, %s]
				""".formatted(throughput("RateLimiterBenchmark.uncontendedLimiter", 4, ours),
				throughput("RateLimiterBenchmark.uncontendedBucket4j", 4, bucket4j),
				throughput("RateLimiterBenchmark.contendedLimiter", 4, oursContended),
				throughput("RateLimiterBenchmark.contendedBucket4j", 4, contendedBucket4j)));
	}

	private Report edgeRound(double directP99, double gatewayP99) {
		return report("""
				[%s, %s]
				""".formatted(latency("direct-both", directP99), latency("gateway", gatewayP99)));
	}

	private Report report(String json) {
		return new Report(this.mapper.readTree(json));
	}

	private static String throughput(String benchmark, int threads, double score) {
		return """
				{"benchmark": "org.dsmastery.perf.%s", "mode": "thrpt", "threads": %d,
				 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ops/s"}}
				""".formatted(benchmark, threads, score);
	}

	private static String edgeThroughput(String target, double score) {
		return """
				{"benchmark": "org.dsmastery.perf.EdgeBenchmark.throughput", "mode": "thrpt", "threads": 4,
				 "params": {"target": "%s"},
				 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ops/s"}}
				""".formatted(target, score);
	}

	private static String notifyThroughput(String notify, double score) {
		return """
				{"benchmark": "org.dsmastery.perf.OutboxNotifyBenchmark.appendAndCommit", "mode": "thrpt", "threads": 8,
				 "params": {"notify": "%s"},
				 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ops/s"}}
				""".formatted(notify, score);
	}

	private static String latency(String target, double p99) {
		return """
				{"benchmark": "org.dsmastery.perf.EdgeBenchmark.latency", "mode": "sample", "params": {"target": "%s"},
				 "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "ms/op",
				                   "scorePercentiles": {"99.0": %s}}}
				""".formatted(target, p99);
	}

}
