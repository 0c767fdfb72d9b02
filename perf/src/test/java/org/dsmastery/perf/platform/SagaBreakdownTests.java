package org.dsmastery.perf.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SagaBreakdownTests {

	/** Zipkin's timestamps are microseconds since the epoch; 0 means none. */
	private static final long START = 1_765_000_000_000_000L;

	/**
	 * A choreographed order's trace in miniature (microseconds from its start): the
	 * gateway calls order-service, whose transaction writes OrderPlaced and ends at 30;
	 * the relay publishes it at 36; inventory-service takes it at 41, waits 3 for a lock
	 * and publishes StockReserved at 65; order-service takes that at 70 and publishes the
	 * terminal event at 83. payment-service takes OrderPlaced too, off the path.
	 */
	private final List<ZipkinSpan> trace = List.of(
			span("01", null, "http post /api/orders", "SERVER", "gateway", 0, 40, Map.of()),
			span("02", "01", "http post", "CLIENT", "gateway", 2, 35, Map.of()),
			span("03", "02", "http post /api/orders", "SERVER", "order-service", 5, 25,
					Map.of("saga.style", "choreographed", "order.id", "7")),
			span("04", "03", "query", "CLIENT", "order-service", 10, 4, Map.of()),
			span("05", "03", "publish order.events.v1", "PRODUCER", "order-service", 36, 1, topic("order.events.v1")),
			span("06", "05", "order.events.v1 process", "CONSUMER", "inventory-service", 41, 20, Map.of()),
			span("07", "06", "lock wait sku-mouse", "", "inventory-service", 42, 3, Map.of()),
			span("08", "06", "query", "CLIENT", "inventory-service", 50, 6, Map.of()),
			span("09", "06", "publish inventory.events.v1", "PRODUCER", "inventory-service", 65, 1,
					topic("inventory.events.v1")),
			span("10", "09", "inventory.events.v1 process", "CONSUMER", "order-service", 70, 10, Map.of()),
			span("11", "10", "query", "CLIENT", "order-service", 72, 2, Map.of()),
			span("12", "10", "publish order.events.v1", "PRODUCER", "order-service", 83, 1, topic("order.events.v1")),
			span("13", "05", "order.events.v1 process", "CONSUMER", "payment-service", 45, 50, Map.of()),
			span("14", "13", "query", "CLIENT", "payment-service", 46, 30, Map.of()));

	@Test
	void splitsAnOrdersTimeAlongItsCriticalPath() {
		SagaBreakdown.Order order = SagaBreakdown.Order.of(this.trace).orElseThrow();

		assertThat(order.style()).isEqualTo("choreographed");
		assertThat(order.decided()).isEqualTo(83);
		assertThat(order.inService()).containsExactly(Map.entry("gateway", 2L), Map.entry("inventory-service", 20L),
				Map.entry("order-service", 35L));
		assertThat(order.http()).isEqualTo(3);
		assertThat(order.kafka()).isEqualTo(10);
		assertThat(order.hops()).isEqualTo(2);
		assertThat(order.outbox()).as("committed at 30, 61 and 80; published at 36, 65 and 83").isEqualTo(13);
		assertThat(order.inService().values().stream().mapToLong(Long::longValue).sum() + order.http() + order.kafka()
				+ order.outbox())
			.as("the steps add up")
			.isEqualTo(order.decided());
		assertThat(order.postgres()).as("payment-service's statement is off the path").isEqualTo(12);
		assertThat(order.statements()).isEqualTo(3);
		assertThat(order.locks()).isEqualTo(3);
	}

	@Test
	void aTraceThatIsNoDecidedOrdersOrHasLostASpanOfItsPathIsLeftOut() {
		assertThat(SagaBreakdown.Order
			.of(List.of(span("01", null, "http get /api/products", "SERVER", "gateway", 0, 40, Map.of())))).isEmpty();
		assertThat(SagaBreakdown.Order.of(this.trace.stream().filter((span) -> !span.id().equals("06")).toList()))
			.isEmpty();
		assertThat(SagaBreakdown.Order.of(this.trace.stream().filter((span) -> !span.id().equals("12")).toList()))
			.as("only OrderPlaced has reached Zipkin")
			.isEmpty();
	}

	@Test
	void reportsTheMedianPerStyle() {
		SagaBreakdown.Order order = SagaBreakdown.Order.of(this.trace).orElseThrow();

		List<String> report = SagaBreakdown.report(List.of(order, order, order));

		assertThat(report.getFirst())
			.isEqualTo("choreographed: 3 orders, the median per order in ms along its critical path");
		assertThat(report).anySatisfy((line) -> assertThat(line).startsWith("  Kafka, produce to consume"))
			.anySatisfy((line) -> assertThat(line).startsWith("  in inventory-service"))
			.anySatisfy((line) -> assertThat(line).matches(" +statements +3"));
	}

	private static Map<String, String> topic(String topic) {
		return Map.of("messaging.destination.name", topic);
	}

	private static ZipkinSpan span(String id, String parent, String name, String kind, String service, long timestamp,
			long duration, Map<String, String> tags) {
		return new ZipkinSpan("t1", id, Optional.ofNullable(parent), name, kind, service, START + timestamp, duration,
				false, tags);
	}

}
