package org.dsmastery.perf.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.dsmastery.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./platform trace [orderId|traceId]}: a trace from the local Zipkin as an
 * indented tree, the terminal user's Jaeger. One line per span: its offset from the
 * trace's start, its duration, its service and name, and the tags that say where an order
 * is ({@code order.id}, {@code saga.step}, {@code saga.state}, the Kafka topic, errors).
 * Children are in start order under their parent.
 * <p>
 * A trace of the platform has one root (the gateway's server span of the request). A span
 * whose parent is not in the trace is an orphan: it is shown as a root of its own and
 * flagged, because it means the context was lost on the way (or the parent's service has
 * not exported it yet). A second span without a parent is flagged too.
 * <p>
 * The argument: all digits is an order id (a Snowflake id), looked up by its
 * {@code order.id} tag; 16 or 32 hex digits is a trace id (an all-digits argument that
 * finds no order is tried as a trace id too); none is the latest trace with an
 * {@code order.id} tag. Exit 0 when a trace was shown, 1 when none was found (or Zipkin
 * does not answer), 2 for an argument that is neither.
 */
public final class TraceTree {

	private static final Logger logger = LoggerFactory.getLogger(TraceTree.class);

	private static final Pattern ORDER_ID = Pattern.compile("\\d{1,19}");

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{16}|[0-9a-fA-F]{32}");

	/** The tags a line shows, in this order, by the name it shows them with. */
	private static final Map<String, List<String>> KEY_TAGS = keyTags();

	private final List<ZipkinSpan> spans;

	private final Map<ZipkinSpan, List<ZipkinSpan>> children = new IdentityHashMap<>();

	private final List<ZipkinSpan> roots = new ArrayList<>();

	private final Map<ZipkinSpan, String> problems = new IdentityHashMap<>();

	private final long start;

	private TraceTree(List<ZipkinSpan> spans) {
		Comparator<ZipkinSpan> byStart = Comparator.comparingLong(ZipkinSpan::timestamp)
			.thenComparing(ZipkinSpan::service)
			.thenComparing(ZipkinSpan::name);
		this.spans = spans.stream().sorted(byStart).toList();
		this.start = this.spans.stream().mapToLong(ZipkinSpan::timestamp).filter((t) -> t > 0).min().orElse(0);
		Map<String, ZipkinSpan> byId = ZipkinSpan.byId(this.spans);
		Map<String, ZipkinSpan> unshared = new HashMap<>();
		for (ZipkinSpan span : this.spans) {
			if (!span.shared()) {
				unshared.putIfAbsent(span.id(), span);
			}
		}
		List<ZipkinSpan> parentless = new ArrayList<>();
		for (ZipkinSpan span : this.spans) {
			Optional<ZipkinSpan> parent = parentOf(span, byId, unshared);
			if (parent.isPresent()) {
				this.children.computeIfAbsent(parent.get(), (p) -> new ArrayList<>()).add(span);
			}
			else if (span.parentId().isPresent()) {
				this.problems.put(span, "ORPHAN: parent " + span.parentId().get() + " is not in the trace");
				parentless.add(span);
			}
			else {
				parentless.add(span);
			}
		}
		boolean rooted = false;
		for (ZipkinSpan span : parentless) {
			if (span.parentId().isEmpty()) {
				if (rooted) {
					this.problems.put(span, "SECOND ROOT: no parent, in a trace that has a root");
				}
				rooted = true;
			}
			this.roots.add(span);
		}
		// parent ids that form a cycle reach no root: show those spans rather than lose
		// them
		Set<ZipkinSpan> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
		List<ZipkinSpan> pending = new ArrayList<>(this.roots);
		while (!pending.isEmpty()) {
			ZipkinSpan span = pending.removeLast();
			if (reachable.add(span)) {
				pending.addAll(this.children.getOrDefault(span, List.of()));
			}
		}
		for (ZipkinSpan span : this.spans) {
			if (!reachable.contains(span)) {
				this.problems.put(span, "ORPHAN: its parents form a cycle");
				this.roots.add(span);
				this.children.values().forEach((siblings) -> siblings.removeIf((sibling) -> sibling == span));
			}
		}
		// the true root first, then the orphans, each in start order
		this.roots
			.sort(Comparator.comparing((ZipkinSpan span) -> this.problems.containsKey(span)).thenComparing(byStart));
	}

	private static Optional<ZipkinSpan> parentOf(ZipkinSpan span, Map<String, ZipkinSpan> byId,
			Map<String, ZipkinSpan> unshared) {
		if (span.shared() && unshared.containsKey(span.id())) {
			return Optional.of(unshared.get(span.id()));
		}
		return span.parentId().map(byId::get).filter((parent) -> parent != span);
	}

	/**
	 * Builds the tree of one trace's spans.
	 * @param spans the spans, in any order
	 * @return the tree
	 */
	static TraceTree of(List<ZipkinSpan> spans) {
		if (spans.isEmpty()) {
			throw new IllegalArgumentException("a trace has at least one span");
		}
		return new TraceTree(spans);
	}

	/**
	 * The spans shown at the left margin: the root first, then every orphan and second
	 * root, in start order.
	 * @return the roots
	 */
	List<ZipkinSpan> roots() {
		return List.copyOf(this.roots);
	}

	/**
	 * Returns the children of a span, in start order.
	 * @param span a span of this trace
	 * @return its children
	 */
	List<ZipkinSpan> children(ZipkinSpan span) {
		return List.copyOf(this.children.getOrDefault(span, List.of()));
	}

	/**
	 * The spans that should not be roots: orphans and second roots, with why.
	 * @return each flagged span and its problem
	 */
	Map<ZipkinSpan, String> problems() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.problems));
	}

	/**
	 * The trace as lines: a header, one line per span (depth-first, children in start
	 * order, two spaces of indent per level), and a verdict on its shape.
	 * @return the lines
	 */
	List<String> render() {
		List<String> lines = new ArrayList<>();
		long end = this.spans.stream().mapToLong((span) -> span.timestamp() + span.duration()).max().orElse(0);
		long services = this.spans.stream().map(ZipkinSpan::service).distinct().count();
		lines.add("trace " + this.spans.getFirst().traceId() + "  " + this.spans.size() + " spans, " + services
				+ " services, " + duration(end - this.start));
		lines.add(String.format(Locale.ROOT, "%10s %10s  %s", "START", "DURATION", "SERVICE  SPAN  TAGS"));
		Set<ZipkinSpan> shown = Collections.newSetFromMap(new IdentityHashMap<>());
		for (ZipkinSpan root : this.roots) {
			render(root, 0, lines, shown);
		}
		long orphans = this.problems.values().stream().filter((problem) -> problem.startsWith("ORPHAN")).count();
		long extraRoots = this.problems.size() - orphans;
		if (this.problems.isEmpty()) {
			lines.add("one root, no orphans");
		}
		else {
			lines
				.add(String.format(Locale.ROOT, "%d orphan(s), %d second root(s): the trace context was lost on the way"
						+ " (or a parent span has not been exported yet)", orphans, extraRoots));
		}
		return lines;
	}

	private void render(ZipkinSpan span, int depth, List<String> lines, Set<ZipkinSpan> shown) {
		if (!shown.add(span)) {
			return;
		}
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%10s %10s  ",
				(span.timestamp() > 0) ? "+" + duration(span.timestamp() - this.start) : "?",
				(span.duration() > 0) ? duration(span.duration()) : "?"));
		line.append("  ".repeat(depth)).append(span.service()).append("  ").append(span.name());
		String tags = tags(span);
		if (!tags.isEmpty()) {
			line.append("  ").append(tags);
		}
		String problem = this.problems.get(span);
		if (problem != null) {
			line.append("  <- ").append(problem);
		}
		lines.add(line.toString());
		for (ZipkinSpan child : this.children.getOrDefault(span, List.of())) {
			render(child, depth + 1, lines, shown);
		}
	}

	/**
	 * The tags a line shows: the order, the saga step and state, the Kafka topic with the
	 * direction of the hop, a retry's attempt, the HTTP status, and an error if there is
	 * one.
	 */
	static String tags(ZipkinSpan span) {
		List<String> shown = new ArrayList<>();
		KEY_TAGS.forEach((label, keys) -> keys.stream()
			.map(span.tags()::get)
			.filter((value) -> value != null && !value.isEmpty())
			.findFirst()
			.ifPresent((value) -> shown.add(label + "=" + value)));
		String kind = span.kind().toLowerCase(Locale.ROOT);
		if (kind.equals("producer") || kind.equals("consumer")) {
			shown.add("(" + kind + ")");
		}
		return String.join(" ", shown);
	}

	private static Map<String, List<String>> keyTags() {
		Map<String, List<String>> tags = new LinkedHashMap<>();
		tags.put("order.id", List.of("order.id"));
		tags.put("saga.style", List.of("saga.style"));
		tags.put("saga.step", List.of("saga.step"));
		tags.put("saga.state", List.of("saga.state"));
		tags.put("topic", List.of("messaging.destination.name", "messaging.destination"));
		tags.put("attempt", List.of("attempt"));
		tags.put("status", List.of("http.response.status_code", "http.status_code", "status"));
		tags.put("error", List.of("error", "exception"));
		return tags;
	}

	/**
	 * A duration for people: microseconds below a millisecond, milliseconds with one
	 * decimal below a second, then seconds with three.
	 * @param micros microseconds
	 * @return such as {@code 850 us}, {@code 12.3 ms} or {@code 1.234 s}
	 */
	static String duration(long micros) {
		if (micros < 1_000) {
			return micros + " us";
		}
		if (micros < 1_000_000) {
			return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
		}
		return String.format(Locale.ROOT, "%.3f s", micros / 1_000_000.0);
	}

	/**
	 * What the argument names: an order (all digits), a trace (16 or 32 hex digits), or
	 * nothing (the latest order's trace).
	 * @param argument the command line's argument, or {@code null}
	 * @return the query
	 * @throws IllegalArgumentException for anything else
	 */
	static Query query(String argument) {
		if (argument == null || argument.isBlank()) {
			return new Query(Query.Kind.LATEST_ORDER, "");
		}
		String value = argument.strip();
		if (ORDER_ID.matcher(value).matches()) {
			return new Query(Query.Kind.ORDER, value);
		}
		if (TRACE_ID.matcher(value).matches()) {
			return new Query(Query.Kind.TRACE, value.toLowerCase(Locale.ROOT));
		}
		throw new IllegalArgumentException(
				"'" + argument + "' is neither an order id (digits) nor a trace id (16 or 32 hex digits)");
	}

	public static void main(String[] args) {
		if (args.length > 1) {
			throw new IllegalArgumentException("usage: TraceTree [orderId|traceId]");
		}
		Query query;
		try {
			query = query((args.length == 1) ? args[0] : null);
		}
		catch (IllegalArgumentException ex) {
			logger.info("{}; usage: ./platform trace [orderId|traceId]", ex.getMessage());
			System.exit(2);
			return;
		}
		ZipkinQueries zipkin = new ZipkinQueries(Topology.local().zipkin().url());
		List<List<ZipkinSpan>> traces;
		try {
			traces = zipkin.find(query);
		}
		catch (IllegalStateException ex) {
			logger.info(ex.getMessage());
			System.exit(1);
			return;
		}
		if (traces.isEmpty()) {
			logger.info(switch (query.kind()) {
				case LATEST_ORDER -> "no trace with an order.id tag in Zipkin at " + zipkin.address()
						+ " (place an order through the gateway first)";
				case ORDER -> "no trace with order.id=" + query.value() + " in Zipkin at " + zipkin.address();
				case TRACE -> "no trace " + query.value() + " in Zipkin at " + zipkin.address();
			});
			System.exit(1);
		}
		if (traces.size() > 1) {
			logger.info("order {} is in {} traces (one is expected: the others started where the context was lost)\n",
					query.value(), traces.size());
		}
		for (List<ZipkinSpan> trace : traces) {
			TraceTree.of(trace).render().forEach(logger::info);
			logger.info("");
		}
		logger.info("in the UI: {}",
				zipkin.address().resolve("/zipkin/traces/" + traces.getLast().getFirst().traceId()));
	}

	/**
	 * What {@code ./platform trace} looks for.
	 *
	 * @param kind by order, by trace id, or the latest order
	 * @param value the order or trace id, empty for the latest
	 */
	record Query(Kind kind, String value) {

		enum Kind {

			LATEST_ORDER, ORDER, TRACE

		}

	}

}
