package org.dsmastery.perf.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TraceTreeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TRACE_ID = "6a4f2c9e1b7d3a58c0e4f1a2b3c4d5e6";

	private static final String ORDER_ID = "733046152829861888";

	/** An orchestrated order as Zipkin returns it: 29 spans of 6 services, shuffled. */
	private final List<ZipkinSpan> order = fixture();

	@Test
	void anOrderIsOneTreeUnderTheGatewaysRequestWithChildrenInStartOrder() {
		TraceTree tree = TraceTree.of(this.order);

		assertThat(tree.problems()).isEmpty();
		assertThat(tree.roots()).extracting(ZipkinSpan::id).containsExactly("a1f0000000000001");
		assertThat(tree.children(span("b2e0000000000001"))).extracting(ZipkinSpan::id)
			.as("the id, the prices, the insert, then the relay's publish after the response")
			.containsExactly("b2e0000000000002", "b2e0000000000003", "b2e0000000000004", "b2e0000000000005");
		assertThat(tree.children(span("e5b0000000000001"))).extracting(ZipkinSpan::tags)
			.extracting((tags) -> tags.get("attempt"))
			.containsExactly("1", "2", null);
	}

	@Test
	void theRenderedTreeIndentsEachHopUnderItsParent() {
		List<String> lines = TraceTree.of(this.order).render();

		assertThat(lines.getFirst()).isEqualTo("trace " + TRACE_ID + "  29 spans, 6 services, 537.5 ms");
		assertThat(lines.get(2)).isEqualTo("     +0 us    48.2 ms  gateway  http post /api/orders  status=202");
		assertThat(lines.get(3)).isEqualTo("   +1.2 ms    45.0 ms    gateway  http post  status=202");
		assertThat(lines.get(4)).isEqualTo("   +2.5 ms    41.2 ms      order-service  http post /api/orders  order.id="
				+ ORDER_ID + " saga.style=orchestrated status=202");
		assertThat(lines).contains(
				"  +52.3 ms     1.9 ms        order-service  orders.order-events send  order.id=" + ORDER_ID
						+ " topic=orders.order-events (producer)",
				"  +58.9 ms    13.1 ms          saga-orchestrator  orders.order-events process"
						+ "  topic=orders.order-events (consumer)",
				"  +59.7 ms    11.8 ms            saga-orchestrator  saga.step  order.id=" + ORDER_ID
						+ " saga.style=orchestrated saga.step=RESERVE_STOCK saga.state=RESERVING_STOCK",
				" +186.1 ms   250.4 ms  " + "  ".repeat(13) + "payment-service  payment.provider.call"
						+ "  attempt=1 error=TimeoutException: provider did not answer within 250 ms");
		assertThat(lines).hasSize(2 + 29 + 1).last().isEqualTo("one root, no orphans");
		// the order's last hop, back to order-service, is the deepest line
		assertThat(lines.get(lines.size() - 2)).contains("  ".repeat(18) + "order-service  orders.saga-events process");
	}

	@Test
	void aSpanWhoseParentIsMissingIsAnOrphanShownAsARootAndFlagged() {
		// the outbox relay's publish lost: the saga's consumer has no parent in the trace
		List<ZipkinSpan> broken = without("b2e0000000000005");

		TraceTree tree = TraceTree.of(broken);

		assertThat(tree.roots()).extracting(ZipkinSpan::id).containsExactly("a1f0000000000001", "d4c0000000000001");
		assertThat(tree.problems()).containsOnlyKeys(span("d4c0000000000001"))
			.containsValue("ORPHAN: parent b2e0000000000005 is not in the trace");
		List<String> lines = tree.render();
		assertThat(lines).contains("  +58.9 ms    13.1 ms  saga-orchestrator  orders.order-events process"
				+ "  topic=orders.order-events (consumer)  <- ORPHAN: parent b2e0000000000005 is not in the trace");
		assertThat(lines.getLast()).startsWith("1 orphan(s), 0 second root(s): the trace context was lost");
		assertThat(lines).hasSize(2 + 28 + 1);
	}

	@Test
	void aSecondSpanWithoutParentIsFlagged() {
		List<ZipkinSpan> spans = new ArrayList<>(this.order);
		ZipkinSpan consumer = span("d4c0000000000005");
		spans.set(spans.indexOf(consumer), withParent(consumer, null));

		TraceTree tree = TraceTree.of(spans);

		assertThat(tree.roots()).extracting(ZipkinSpan::id).containsExactly("a1f0000000000001", "d4c0000000000005");
		assertThat(tree.problems()).containsValue("SECOND ROOT: no parent, in a trace that has a root");
		assertThat(tree.render().getLast()).startsWith("0 orphan(s), 1 second root(s)");
	}

	@Test
	void spansWhoseParentsFormACycleAreStillShown() {
		ZipkinSpan a = withParent(span("c3d0000000000004"), "c3d0000000000005");
		ZipkinSpan b = withParent(span("c3d0000000000005"), "c3d0000000000004");

		TraceTree tree = TraceTree.of(List.of(span("a1f0000000000001"), a, b));

		assertThat(tree.roots()).hasSize(3);
		assertThat(tree.problems()).hasSize(2).containsValue("ORPHAN: its parents form a cycle");
		assertThat(tree.render()).hasSize(2 + 3 + 1);
	}

	@Test
	void theSharedServerSideOfASpanIdHangsUnderItsClient() {
		ZipkinSpan client = new ZipkinSpan(TRACE_ID, "0000000000000002", Optional.of("0000000000000001"), "http get",
				"CLIENT", "order-service", 10, 5, false, Map.of());
		ZipkinSpan server = new ZipkinSpan(TRACE_ID, "0000000000000002", Optional.of("0000000000000001"),
				"http get /api/ids", "SERVER", "id-generator", 11, 3, true, Map.of());
		ZipkinSpan child = new ZipkinSpan(TRACE_ID, "0000000000000003", Optional.of("0000000000000002"), "query",
				"CLIENT", "id-generator", 12, 1, false, Map.of());
		ZipkinSpan root = new ZipkinSpan(TRACE_ID, "0000000000000001", Optional.empty(), "http get", "SERVER",
				"gateway", 1, 20, false, Map.of());

		TraceTree tree = TraceTree.of(List.of(child, server, root, client));

		assertThat(tree.problems()).isEmpty();
		assertThat(tree.children(client)).containsExactly(server);
		assertThat(tree.children(server)).containsExactly(child);
	}

	@Test
	void theArgumentIsAnOrderIdATraceIdOrNothing() {
		assertThat(TraceTree.query(ORDER_ID)).isEqualTo(new TraceTree.Query(TraceTree.Query.Kind.ORDER, ORDER_ID));
		assertThat(TraceTree.query("6A4F2C9E1B7D3A58C0E4F1A2B3C4D5E6"))
			.isEqualTo(new TraceTree.Query(TraceTree.Query.Kind.TRACE, TRACE_ID));
		assertThat(TraceTree.query("c0e4f1a2b3c4d5e6").kind()).isEqualTo(TraceTree.Query.Kind.TRACE);
		assertThat(TraceTree.query(null).kind()).isEqualTo(TraceTree.Query.Kind.LATEST_ORDER);
		assertThatIllegalArgumentException().isThrownBy(() -> TraceTree.query("order-42"))
			.withMessageContaining("'order-42' is neither an order id");
		assertThatIllegalArgumentException().isThrownBy(() -> TraceTree.query("c0e4f1a2b3c4d5e"));
	}

	@Test
	void durationsReadInTheirUnit() {
		assertThat(TraceTree.duration(850)).isEqualTo("850 us");
		assertThat(TraceTree.duration(12_345)).isEqualTo("12.3 ms");
		assertThat(TraceTree.duration(1_234_567)).isEqualTo("1.235 s");
	}

	@Test
	void zipkinIsAskedByTheOrderIdTagAndTheLatestTraceWins() throws IOException {
		String trace = new String(resource(), StandardCharsets.UTF_8);
		String older = trace.replace(TRACE_ID, "00000000000000000000000000000001").replace("17672256", "17672255");
		List<String> asked = new ArrayList<>();
		HttpServer zipkin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		zipkin.createContext("/api/v2/", (exchange) -> {
			asked.add(exchange.getRequestURI().toString());
			String path = exchange.getRequestURI().getPath();
			String query = String.valueOf(exchange.getRequestURI().getQuery());
			byte[] body = (path.equals("/api/v2/traces") && query.startsWith("annotationQuery=order.id&"))
					? ("[" + trace + "," + older + "]").getBytes(StandardCharsets.UTF_8)
					: (path.equals("/api/v2/traces") ? "[]" : "trace not found").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(path.equals("/api/v2/traces") ? 200 : 404, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		zipkin.start();
		try {
			ZipkinQueries queries = new ZipkinQueries(URI.create("http://127.0.0.1:" + zipkin.getAddress().getPort()));

			List<List<ZipkinSpan>> latest = queries.find(TraceTree.query(null));
			assertThat(latest).hasSize(1);
			assertThat(latest.getFirst().getFirst().traceId()).isEqualTo(TRACE_ID);
			assertThat(queries.find(TraceTree.query(ORDER_ID))).isEmpty();
			assertThat(queries.find(TraceTree.query("1234567890123456"))).as("digits that may be a trace id").isEmpty();
			assertThat(asked).containsExactly("/api/v2/traces?annotationQuery=order.id&lookback=604800000&limit=10",
					"/api/v2/traces?annotationQuery=order.id%3D" + ORDER_ID + "&lookback=604800000&limit=10",
					"/api/v2/traces?annotationQuery=order.id%3D1234567890123456&lookback=604800000&limit=10",
					"/api/v2/trace/1234567890123456");
		}
		finally {
			zipkin.stop(0);
		}
		ZipkinQueries gone = new ZipkinQueries(URI.create("http://127.0.0.1:" + zipkin.getAddress().getPort()));
		assertThatIllegalStateException().isThrownBy(() -> gone.find(TraceTree.query(TRACE_ID)))
			.withMessageContaining("Zipkin does not answer");
	}

	private ZipkinSpan span(String id) {
		return this.order.stream().filter((span) -> span.id().equals(id)).findFirst().orElseThrow();
	}

	private List<ZipkinSpan> without(String id) {
		return this.order.stream().filter((span) -> !span.id().equals(id)).toList();
	}

	private static ZipkinSpan withParent(ZipkinSpan span, String parentId) {
		return new ZipkinSpan(span.traceId(), span.id(), Optional.ofNullable(parentId), span.name(), span.kind(),
				span.service(), span.timestamp(), span.duration(), span.shared(), span.tags());
	}

	private static List<ZipkinSpan> fixture() {
		return ZipkinSpan.listOf(JSON.readTree(resource()));
	}

	private static byte[] resource() {
		try (InputStream in = TraceTreeTests.class.getResourceAsStream("zipkin-trace.json")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
