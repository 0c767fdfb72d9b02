package org.dsmastery.perf.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TraceLogsTests {

	private static final String TRACE = "6a4f2c9e1b7d3a58c0e4f1a2b3c4d5e6";

	private static final String OTHER = "00000000000000000000000000000077";

	@TempDir
	Path logs;

	@Test
	void theLinesOfOneTraceFromEveryServiceMergeInTimeOrder() throws IOException {
		write("order-service-8081.json",
				line("2026-01-01T10:00:00.010+01:00", TRACE, "INFO", "org.dsmastery.order.application.OrderService",
						"order 42 placed (orchestrated)"),
				line("2026-01-01T10:00:00.011+01:00", OTHER, "INFO", "org.dsmastery.order.application.OrderService",
						"order 43 placed"),
				"{\"@timestamp\":\"2026-01-01T10:00:00.012+01:00\",\"level\":\"INFO\",\"message\":\"no trace here\"}",
				line("2026-01-01T09:00:00.900Z", TRACE, "INFO", "org.dsmastery.order.adapter.in.messaging.SagaEvents",
						"order 42 approved"),
				"{\"@timestamp\":\"2026-01-01T10:00:00.9" + TRACE); // a torn last line
		write("saga-orchestrator-8084.json",
				line("2026-01-01T09:00:00.500Z", TRACE, "INFO", "org.dsmastery.saga.application.SagaService",
						"saga for order 42: RESERVING_STOCK"),
				line("2026-01-01T09:00:00.700Z", TRACE.toUpperCase(), "WARN",
						"org.dsmastery.saga.application.SagaService", "payment for order 42 retried"));
		write("payment-service-8082.json",
				"{\"@timestamp\":\"2026-01-01T09:00:00.600Z\",\"level\":\"ERROR\",\"logger_name\":\"org.dsmastery.payment.Provider\","
						+ "\"message\":\"provider timed out\",\"traceId\":\"" + TRACE
						+ "\",\"spanId\":\"e5b0000000000002\","
						+ "\"stack_trace\":\"java.util.concurrent.TimeoutException: 250 ms\\n\\tat org.dsmastery.payment.Provider.call(Provider.java:42)\\n\"}");
		// the readable console log of the same service is not read
		write("order-service-8081.log",
				"2026-01-01 10:00:00.010 INFO [order-service," + TRACE + ",b2e0] order 42 placed");

		List<TraceLogs.Line> lines = TraceLogs.select(this.logs, TRACE);

		assertThat(lines).extracting(TraceLogs.Line::service)
			.containsExactly("order-service-8081", "saga-orchestrator-8084", "payment-service-8082",
					"saga-orchestrator-8084", "order-service-8081");
		assertThat(TraceLogs.render(lines, ZoneOffset.UTC)).containsExactly(
				"09:00:00.010  order-service-8081      INFO   OrderService  order 42 placed (orchestrated)",
				"09:00:00.500  saga-orchestrator-8084  INFO   SagaService   saga for order 42: RESERVING_STOCK",
				"09:00:00.600  payment-service-8082    ERROR  Provider      provider timed out",
				"        java.util.concurrent.TimeoutException: 250 ms",
				"        \tat org.dsmastery.payment.Provider.call(Provider.java:42)",
				"09:00:00.700  saga-orchestrator-8084  WARN   SagaService   payment for order 42 retried",
				"09:00:00.900  order-service-8081      INFO   SagaEvents    order 42 approved");
	}

	@Test
	void aSixteenHexIdMatchesTheLowHalfOfALongTraceId() throws IOException {
		write("gateway-8080.json", line("2026-01-01T09:00:00Z", TRACE, "INFO", "org.dsmastery.gateway.Access", "POST"),
				line("2026-01-01T09:00:01Z", "c0e4f1a2b3c4d5e6", "INFO", "org.dsmastery.gateway.Access", "GET"),
				line("2026-01-01T09:00:02Z", "ffc0e4f1a2b3c4d5e6", "INFO", "org.dsmastery.gateway.Access", "odd id"));

		assertThat(TraceLogs.select(this.logs, "C0E4F1A2B3C4D5E6")).extracting(TraceLogs.Line::message)
			.containsExactly("POST", "GET");
		assertThat(TraceLogs.select(this.logs, TRACE)).extracting(TraceLogs.Line::message).containsExactly("POST");
	}

	@Test
	void anythingButATraceIdIsRefusedAndAMissingFolderHasNoLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> TraceLogs.select(this.logs, "order-42"))
			.withMessageContaining("'order-42' is not a trace id");
		assertThat(TraceLogs.select(this.logs.resolve("missing"), TRACE)).isEmpty();
	}

	private void write(String file, String... lines) throws IOException {
		Files.writeString(this.logs.resolve(file), String.join("\n", lines) + "\n");
	}

	private static String line(String timestamp, String traceId, String level, String logger, String message) {
		return "{\"@timestamp\":\"" + timestamp + "\",\"@version\":\"1\",\"message\":\"" + message
				+ "\",\"logger_name\":\"" + logger + "\",\"thread_name\":\"main\",\"level\":\"" + level
				+ "\",\"level_value\":20000,\"traceId\":\"" + traceId + "\",\"spanId\":\"a1f0000000000001\"}";
	}

}
