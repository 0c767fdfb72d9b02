package org.dsmastery.perf.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.dsmastery.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./platform bench saga-breakdown [orders]}: where an order's time goes, from the
 * traces of the latest orders in the local Zipkin, per saga style. Run it after orders
 * were placed at the concurrency to be measured ({@code ./platform bench saga 40 1
 * saga-only} for one order in flight, {@code 200 16} for sixteen).
 * <p>
 * Each order's time is split along its critical path: the chain of spans from the
 * gateway's first span to the publication of the order's terminal event (the last
 * {@code order.events.v1} record of the trace), each step parent to child. A step is
 * <ul>
 * <li><b>Kafka</b>: a producer span to the consumer span that took its record (produce,
 * broker, fetch, poll);</li>
 * <li><b>outbox</b>: the end of the span that wrote a record (its transaction committed
 * by then) to the start of the relay's producer span (the relay's wake-up and read);</li>
 * <li><b>HTTP</b>: a client span to the server span it called;</li>
 * <li><b>in a service</b>: everything else, the time a service held the order before
 * handing it on.</li>
 * </ul>
 * The steps add up to <b>decided</b>. Of the time in services, the statements
 * ({@code jdbc.includes=query}) and lock waits of the chain's spans are counted apart.
 * Each figure is the median over the orders of its sum in one order. Trace timestamps
 * come from the processes' clocks, which on one machine agree to well under a
 * millisecond.
 */
public final class SagaBreakdown {

	private static final Logger logger = LoggerFactory.getLogger(SagaBreakdown.class);

	private static final long MICROS_PER_MILLI = 1000;

	private SagaBreakdown() {
	}

	/**
	 * Analyses the latest orders' traces.
	 * @param args how many of the latest orders to read, 60 by default
	 */
	public static void main(String[] args) {
		int orders = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		ZipkinQueries zipkin = new ZipkinQueries(Topology.local().zipkin().url());
		List<Order> analysed = zipkin.latestOrders(orders).stream().map(Order::of).flatMap(Optional::stream).toList();
		if (analysed.isEmpty()) {
			logger.info("no complete order trace in Zipkin at {}: place orders first (./platform bench saga 40 1 "
					+ "saga-only)", zipkin.address());
			return;
		}
		report(analysed).forEach(logger::info);
	}

	/**
	 * The report's lines: per style, the median of each figure over its orders.
	 * @param orders the orders analysed
	 * @return the lines
	 */
	static List<String> report(List<Order> orders) {
		Map<String, List<Order>> byStyle = new TreeMap<>();
		orders.forEach((order) -> byStyle.computeIfAbsent(order.style(), (style) -> new ArrayList<>()).add(order));
		List<String> lines = new ArrayList<>();
		byStyle.forEach((style, list) -> {
			lines.add(String.format("%s: %d orders, the median per order in ms along its critical path", style,
					list.size()));
			lines.add(line("decided (gateway to terminal event)", list, Order::decided));
			lines.add(line("Kafka, produce to consume", list, Order::kafka));
			lines.add(count("  hops", list, Order::hops));
			lines.add(line("outbox, commit to publish", list, Order::outbox));
			lines.add(line("HTTP, client to server", list, Order::http));
			list.stream()
				.flatMap((order) -> order.inService().keySet().stream())
				.distinct()
				.sorted()
				.forEach((service) -> lines
					.add(line("in " + service, list, (order) -> order.inService().getOrDefault(service, 0L))));
			lines.add(line("  of which PostgreSQL statements", list, Order::postgres));
			lines.add(count("    statements", list, Order::statements));
			lines.add(line("  of which lock waits", list, Order::locks));
			lines.add("");
		});
		return lines;
	}

	private static String line(String label, List<Order> orders, ToLongFunction<Order> micros) {
		long[] values = orders.stream().mapToLong(micros).sorted().toArray();
		return String.format("  %-34s %8.1f", label, values[values.length / 2] / (double) MICROS_PER_MILLI);
	}

	private static String count(String label, List<Order> orders, ToIntFunction<Order> count) {
		int[] values = orders.stream().mapToInt(count).sorted().toArray();
		return String.format("  %-34s %6d", label, values[values.length / 2]);
	}

	/**
	 * One order's critical path, summed up.
	 *
	 * @param style {@code orchestrated} or {@code choreographed}
	 * @param decided the gateway's first span to the terminal event's publication, in
	 * microseconds
	 * @param inService per service, the time it held the order
	 * @param kafka the Kafka steps, produce to consume, summed
	 * @param hops how many Kafka steps
	 * @param outbox the outbox steps, commit to publish, summed
	 * @param http the HTTP steps, client to server, summed
	 * @param postgres the statements of the path's spans, summed
	 * @param statements how many statements
	 * @param locks the lock waits of the path's spans, summed
	 */
	record Order(String style, long decided, Map<String, Long> inService, long kafka, int hops, long outbox, long http,
			long postgres, int statements, long locks) {

		private static final String TERMINAL_TOPIC = "order.events.v1";

		/**
		 * Sums up one trace's critical path.
		 * @param trace an order's spans
		 * @return the order, or empty if the trace is not a decided order's, or has lost
		 * a span of its path (Zipkin keeps a bounded number of spans)
		 */
		static Optional<Order> of(List<ZipkinSpan> trace) {
			Optional<String> style = trace.stream()
				.map((span) -> span.tags().get("saga.style"))
				.filter((value) -> value != null && !value.isEmpty())
				.findFirst();
			Map<String, ZipkinSpan> byId = ZipkinSpan.byId(trace);
			// the terminal event is published as a record is handled; OrderPlaced, as the
			// request is: a trace whose terminal event has not reached Zipkin has only
			// that
			Optional<ZipkinSpan> terminal = trace.stream()
				.filter((span) -> "PRODUCER".equals(span.kind()) && TERMINAL_TOPIC.equals(span.tags()
					.getOrDefault("messaging.destination.name", span.tags().get("messaging.destination"))))
				.filter((span) -> span.parentId()
					.map(byId::get)
					.filter((writer) -> "CONSUMER".equals(writer.kind()))
					.isPresent())
				.max(Comparator.comparingLong(ZipkinSpan::timestamp));
			if (style.isEmpty() || terminal.isEmpty()) {
				return Optional.empty();
			}
			List<ZipkinSpan> path = new ArrayList<>();
			for (ZipkinSpan span = terminal.get(); span != null; span = span.parentId().map(byId::get).orElse(null)) {
				path.addFirst(span);
				if (span.parentId().isPresent() && !byId.containsKey(span.parentId().get())) {
					return Optional.empty();
				}
			}
			Map<String, Long> inService = new TreeMap<>();
			long kafka = 0;
			int hops = 0;
			long outbox = 0;
			long http = 0;
			for (int i = 1; i < path.size(); i++) {
				ZipkinSpan parent = path.get(i - 1);
				ZipkinSpan child = path.get(i);
				long step = child.timestamp() - parent.timestamp();
				if ("CONSUMER".equals(child.kind()) && "PRODUCER".equals(parent.kind())) {
					kafka += step;
					hops++;
				}
				else if ("PRODUCER".equals(child.kind())) {
					long relayed = Math.max(0, child.timestamp() - (parent.timestamp() + parent.duration()));
					outbox += relayed;
					inService.merge(parent.service(), step - relayed, Long::sum);
				}
				else if ("SERVER".equals(child.kind()) && "CLIENT".equals(parent.kind())) {
					http += step;
				}
				else {
					inService.merge(parent.service(), step, Long::sum);
				}
			}
			Set<String> onPath = new HashSet<>();
			path.forEach((span) -> onPath.add(span.id()));
			long postgres = 0;
			int statements = 0;
			long locks = 0;
			for (ZipkinSpan span : trace) {
				if (span.parentId().filter(onPath::contains).isEmpty()) {
					continue;
				}
				if (span.name().equals("query")) {
					postgres += span.duration();
					statements++;
				}
				else if (span.name().startsWith("lock wait")) {
					locks += span.duration();
				}
			}
			long decided = terminal.get().timestamp() - path.getFirst().timestamp();
			return Optional
				.of(new Order(style.get(), decided, inService, kafka, hops, outbox, http, postgres, statements, locks));
		}

	}

}
