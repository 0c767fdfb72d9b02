package org.dsmastery.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dsmastery.observability.Dashboards;
import org.dsmastery.observability.PanelQueries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's observability as its users meet it: one trace per order in Zipkin, the
 * trace's id handed to the client, Prometheus scraping every instance found through
 * Eureka with the alert rules loaded, and dashboards whose every query has data.
 */
final class ObservabilityScenarios {

	static final URI ZIPKIN = Platform.TOPOLOGY.zipkin().url();

	static final URI PROMETHEUS = Platform.TOPOLOGY.instance("prometheus").url();

	private static final String TRACE_ID = "[0-9a-f]{32}";

	private static final String TRACEPARENT = "00-(" + TRACE_ID + ")-[0-9a-f]{16}-[0-9a-f]{2}";

	/** The topics an order's trace crosses, by saga style: every hop of the saga. */
	private static final Map<String, Set<String>> TOPICS = Map.of("orchestrated",
			Set.of("order.events.v1", "inventory.commands.v1", "inventory.events.v1", "payment.commands.v1",
					"payment.events.v1", "order.commands.v1"),
			"choreographed", Set.of("order.events.v1", "inventory.events.v1", "payment.events.v1"));

	private static final Map<String, Set<String>> SERVICES = Map.of("orchestrated",
			Set.of("gateway", "order-service", "inventory-service", "payment-service", "saga-orchestrator"),
			"choreographed", Set.of("gateway", "order-service", "inventory-service", "payment-service"));

	private final Shop shop = new Shop();

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Places an order through the gateway and checks its trace: one trace that holds
	 * every hop of the saga, across HTTP, Kafka and the outbox, with one root and no
	 * orphan.
	 * @param style the saga style
	 * @return the order id and its trace id
	 */
	OrderTrace anOrderIsOneTrace(String style) {
		String sku = this.shop.newProduct("traced", 1_000, 10);
		long customer = this.shop.newCustomer(100_000);
		HttpResponse<String> placed = this.shop.place(customer, sku, 1, style, UUID.randomUUID().toString());
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String order = this.json.readTree(placed.body()).get("orderId").asString();
		String traceId = traceIdOf(placed);
		assertThat(this.shop.awaitTerminal(order).get("status").asString()).isEqualTo("APPROVED");

		List<JsonNode> spans = awaitWholeTrace(traceId, TOPICS.get(style));

		Map<String, JsonNode> byId = spans.stream()
			.collect(Collectors.toMap((span) -> span.get("id").asString(), Function.identity(), (a, b) -> a));
		List<JsonNode> roots = spans.stream().filter((span) -> !span.has("parentId")).toList();
		assertThat(roots).as("roots of %s", traceId).hasSize(1);
		assertThat(service(roots.getFirst())).isEqualTo("gateway");
		assertThat(roots.getFirst().path("kind").asString()).isEqualTo("SERVER");
		assertThat(spans).as("spans whose parent is not in the trace (orphans)")
			.allSatisfy((span) -> assertThat(!span.has("parentId") || byId.containsKey(parent(span))).isTrue());
		assertThat(spans.stream().map(ObservabilityScenarios::service).collect(Collectors.toSet()))
			.containsAll(SERVICES.get(style));
		// every record consumed is the child of the producer span that published it...
		List<JsonNode> consumed = spans.stream().filter((span) -> "CONSUMER".equals(kind(span))).toList();
		assertThat(consumed).isNotEmpty().allSatisfy((consumer) -> {
			JsonNode producer = byId.get(parent(consumer));
			assertThat(kind(producer)).as("parent of %s", consumer.get("name")).isEqualTo("PRODUCER");
			assertThat(consumer.get("name").asString())
				.startsWith(producer.path("tags").path("messaging.destination.name").asString());
		});
		// ...and every message the outbox relay published continues the span that wrote
		// it, in the same service, with a link to the relay's own trace
		List<JsonNode> published = spans.stream()
			.filter((span) -> span.get("name").asString().startsWith("publish "))
			.toList();
		assertThat(published).isNotEmpty().allSatisfy((producer) -> {
			JsonNode writer = byId.get(parent(producer));
			assertThat(writer).as("the span that appended %s", producer.get("name")).isNotNull();
			assertThat(service(writer)).isEqualTo(service(producer));
		});
		assertThat(tracesWithTag("order.id", order)).as("traces of order %s", order).containsExactly(traceId);
		if ("orchestrated".equals(style)) {
			assertThat(spans).filteredOn((span) -> span.path("tags").path("saga.id").isString())
				.as("saga steps")
				.isNotEmpty();
		}
		return new OrderTrace(order, traceId);
	}

	/**
	 * A malformed or oversized {@code traceparent} from a client starts a new trace and
	 * never fails the request; a problem names the trace of the request it answers.
	 */
	void aClientsBadTraceContextStartsANewTrace() {
		for (String bad : List.of("garbage", "ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01",
				"00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "00-" + "a".repeat(6_000) + "-00f067aa0ba902b7-01")) {
			HttpResponse<String> response = Http.send(HttpRequest.newBuilder(Shop.GATEWAY.resolve("/api/ids?count=1"))
				.header("traceparent", bad)
				.header("Authorization", "Bearer " + Shop.admin()));
			assertThat(response.statusCode()).as("traceparent %s: %s", bad, response.body()).isEqualTo(200);
			assertThat(traceIdOf(response)).isNotEqualTo("0".repeat(32));
		}
		HttpResponse<String> missing = Http.send(HttpRequest.newBuilder(Shop.GATEWAY.resolve("/api/orders/1"))
			.header("Authorization", "Bearer " + Shop.admin()));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(missing.body()).path("traceId").asString()).isEqualTo(traceIdOf(missing));
	}

	/**
	 * Prometheus found every instance through Eureka, scrapes each one, and evaluates the
	 * platform's alert rules.
	 * @param instances how many processes expose metrics
	 */
	void prometheusScrapesEveryInstanceFoundThroughEureka(int instances) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode targets = prometheus("/api/v1/targets?state=active").path("data").path("activeTargets");
			List<String> up = new ArrayList<>();
			targets.forEach((target) -> {
				if ("up".equals(target.path("health").asString())) {
					up.add(target.path("labels").path("instance").asString());
				}
			});
			assertThat(up).as(targets.toString()).hasSize(instances);
		});
		JsonNode groups = prometheus("/api/v1/rules").path("data").path("groups");
		Set<String> alerts = new HashSet<>();
		groups.forEach((group) -> group.path("rules").forEach((rule) -> {
			if ("alerting".equals(rule.path("type").asString())) {
				alerts.add(rule.path("name").asString());
			}
		}));
		assertThat(alerts).contains("OutboxBacklogGrowing", "DeadLettersNotEmpty", "CircuitBreakerOpen",
				"WorkerIdLeaseLost");
	}

	/**
	 * Every query of every dashboard panel returns data from the running platform: no
	 * panel names a metric or a label the services do not export.
	 */
	void everyDashboardPanelHasData() {
		PanelQueries panels = new PanelQueries(PROMETHEUS);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(panels.withoutSeries(Dashboards.load().queries())).isEmpty());
	}

	private List<JsonNode> awaitWholeTrace(String traceId, Set<String> topics) {
		AtomicInteger lastSize = new AtomicInteger(-1);
		List<JsonNode> spans = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			spans.clear();
			zipkin("/api/v2/trace/" + traceId).forEach(spans::add);
			Set<String> consumed = spans.stream()
				.filter((span) -> "CONSUMER".equals(kind(span)))
				.map((span) -> span.get("name").asString().split(" ")[0])
				.collect(Collectors.toSet());
			// every hop arrived, and nothing more since the last look: the spans are all
			// in
			return consumed.containsAll(topics) && lastSize.getAndSet(spans.size()) == spans.size();
		});
		return spans;
	}

	private List<String> tracesWithTag(String tag, String value) {
		JsonNode traces = zipkin("/api/v2/traces?lookback=3600000&limit=10&annotationQuery="
				+ URLEncoder.encode(tag + "=" + value, StandardCharsets.UTF_8));
		List<String> ids = new ArrayList<>();
		traces.forEach((trace) -> ids.add(trace.get(0).get("traceId").asString()));
		return ids;
	}

	private static String traceIdOf(HttpResponse<String> response) {
		String traceparent = response.headers().firstValue("traceparent").orElse("");
		assertThat(traceparent).as("the gateway's traceparent").matches(TRACEPARENT);
		return traceparent.substring(3, 35);
	}

	private JsonNode zipkin(String path) {
		HttpResponse<String> response = Http.send(HttpRequest.newBuilder(ZIPKIN.resolve(path)));
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isIn(200, 404);
		return (response.statusCode() == 200) ? this.json.readTree(response.body()) : this.json.createArrayNode();
	}

	private JsonNode prometheus(String path) {
		HttpResponse<String> response = Http.send(HttpRequest.newBuilder(PROMETHEUS.resolve(path)));
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static String service(JsonNode span) {
		return span.path("localEndpoint").path("serviceName").asString();
	}

	private static String kind(JsonNode span) {
		return span.path("kind").asString();
	}

	private static String parent(JsonNode span) {
		return span.path("parentId").asString();
	}

	record OrderTrace(String orderId, String traceId) {
	}

}
