package org.dsmastery.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dsmastery.snowflake.SnowflakeId;
import org.dsmastery.topology.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform end to end, in the order a user meets it: {@code ./platform up}, ids
 * through the gateway from two id-generator instances, orders, rate limits, the
 * PlaceOrder saga in both styles (each scenario ending with the invariant audit),
 * {@code ./platform audit}, {@code ./platform down}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTests {

	private static final Topology TOPOLOGY = Platform.TOPOLOGY;

	private static final URI GATEWAY = TOPOLOGY.gateway().url();

	private static final List<Integer> PLATFORM_PORTS = TOPOLOGY.platformPorts();

	private final Platform platform = new Platform();

	private final SagaScenarios sagas = new SagaScenarios();

	private final ObservabilityScenarios observability = new ObservabilityScenarios();

	private final SecurityScenarios security = new SecurityScenarios();

	private final Map<String, ObservabilityScenarios.OrderTrace> traces = new ConcurrentHashMap<>();

	private final PlatformLogs logs = new PlatformLogs(this.platform.state().resolve("logs"));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private boolean stopped;

	@Test
	@Order(0)
	void upNamesAServiceThatExitsWhileStartingShowsWhyAndLeavesNothingRunning() {
		assertThat(PLATFORM_PORTS).as("platform ports must be free: is ./platform up running? (./platform down)")
			.noneMatch(PlatformEndToEndTests::listening);
		// an invalid setting only payment-service reads: it fails its start-up validation
		Platform broken = this.platform.withState("platform-broken", Map.of("SHOP_PAYMENT_DEFAULTCREDITCENTS", "-1"));

		Platform.Result up = broken.run("up", 6);

		assertThat(up.exitCode()).as(up.output()).isNotZero();
		assertThat(up.output()).as("named at once, not after the 180 s readiness timeout")
			.contains("payment-service :" + TOPOLOGY.instance("payment-service").port() + " exited while starting")
			.doesNotContain("did not become healthy")
			.as("the failure analysis from its log")
			.contains("APPLICATION FAILED TO START")
			.contains("defaultCreditCents")
			.contains("nothing is left running");
		assertThat(PLATFORM_PORTS).noneMatch(PlatformEndToEndTests::listening);
	}

	@Test
	@Order(1)
	void upReachesReadyAndPrintsTheMemoryOfEveryProcess() throws IOException {
		assertThat(PLATFORM_PORTS).as("platform ports must be free: is ./platform up running? (./platform down)")
			.noneMatch(PlatformEndToEndTests::listening);
		this.logs.mark();

		Platform.Result up = this.platform.run("up", 10);

		assertThat(up.exitCode()).as(up.output()).isZero();
		assertThat(up.output()).contains("ready in")
			.containsPattern(
					"id-generator\\s+" + TOPOLOGY.instances("id-generator").getLast().port() + "\\s+\\d+\\s+UP");
		Matcher total = Pattern.compile("total PSS: (\\d+) MiB").matcher(up.output());
		assertThat(total.find()).as(up.output()).isTrue();
		assertThat(Integer.parseInt(total.group(1))).isPositive();
	}

	@Test
	@Order(2)
	void servesABatchOfIdsThroughTheGateway() throws Exception {
		List<Long> ids = ids("/api/ids?count=5");

		assertThat(ids).hasSize(5).isSorted().doesNotHaveDuplicates();
	}

	@Test
	@Order(3)
	void idsAreUniqueAndTimeOrderedAcrossBothInstances() throws Exception {
		List<Long> received = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			List<Long> batch = (i % 2 == 0) ? List.of(id("/api/ids")) : ids("/api/ids?count=50");
			assertThat(batch).isSorted().doesNotHaveDuplicates();
			received.addAll(batch);
		}

		assertThat(received).doesNotHaveDuplicates().hasSize(200 + 200 * 50);
		List<SnowflakeId> decoded = received.stream().map(SnowflakeId::decode).toList();
		assertThat(decoded).extracting(SnowflakeId::workerId).as("ids from both instances").containsOnly(0, 1);
		assertThat(decoded).extracting(SnowflakeId::workerId).contains(0, 1);
		// k-ordered: ids received later were never issued earlier, whichever instance
		// issued them
		assertThat(decoded).extracting(SnowflakeId::timestamp).isSorted();
		for (int worker : List.of(0, 1)) {
			assertThat(decoded.stream().filter((id) -> id.workerId() == worker).map(SnowflakeId::id).toList())
				.as("ids of worker %d", worker)
				.isSorted()
				.doesNotHaveDuplicates();
		}
	}

	@Test
	@Order(4)
	void concurrentClientsNeverGetTheSameId() throws Exception {
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int client = 0; client < 8; client++) {
				results.add(clients.submit(() -> {
					int count = 0;
					for (int request = 0; request < 50; request++) {
						List<Long> batch = ids("/api/ids?count=100");
						ids.addAll(batch);
						count += batch.size();
					}
					return count;
				}));
			}
			int total = 0;
			for (Future<Integer> result : results) {
				total += result.get();
			}
			assertThat(ids).hasSize(total).hasSize(8 * 50 * 100);
		}
	}

	@Test
	@Order(5)
	void decodesAnIdThroughTheGateway() throws Exception {
		long id = id("/api/ids");

		JsonNode decoded = getJson("/api/ids/" + id, 200);

		SnowflakeId expected = SnowflakeId.decode(id);
		assertThat(decoded.get("workerId").asInt()).isEqualTo(expected.workerId());
		assertThat(Instant.parse(decoded.get("timestamp").asString())).isEqualTo(expected.timestamp());
	}

	@Test
	@Order(6)
	void badCountsGetAProblemResponse() throws Exception {
		for (String count : List.of("0", "10001", "-1", "many")) {
			HttpResponse<String> response = get("/api/ids?count=" + count);

			assertThat(response.statusCode()).as("count=%s", count).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(this.json.readTree(response.body()).get("type").asString())
				.isEqualTo("https://dsmastery.org/problems/invalid-count");
		}
	}

	@Test
	@Order(7)
	void routesOrdersToOrderServiceWithProblemResponses() throws Exception {
		String order = "{\"customerId\":\"42\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}";

		HttpResponse<String> withoutKey = post("/api/orders", order, null);
		HttpResponse<String> invalid = post("/api/orders", "{\"customerId\":\"42\",\"lines\":[]}",
				UUID.randomUUID().toString());
		HttpResponse<String> unknown = get("/api/orders/12345");

		assertThat(withoutKey.statusCode()).isEqualTo(400);
		assertThat(problemType(withoutKey)).isEqualTo("https://dsmastery.org/problems/idempotency-key-missing");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(problemType(invalid)).isEqualTo("https://dsmastery.org/problems/invalid-request");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(problemType(unknown)).isEqualTo("https://dsmastery.org/problems/order-not-found");
	}

	@Test
	@Order(8)
	void placesAnOrderThroughTheGatewayAtInventoryPrices() throws Exception {
		String key = UUID.randomUUID().toString();
		String order = "{\"customerId\":\"4242\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":2}]}";

		HttpResponse<String> placed = post("/api/orders", order, key);
		HttpResponse<String> repeated = post("/api/orders", order, key);

		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		JsonNode body = this.json.readTree(placed.body());
		String orderId = body.get("orderId").asString();
		assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
		assertThat(body.get("totalCents").asLong()).isEqualTo(2 * 2500);
		assertThat(repeated.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(repeated.body()).get("orderId").asString()).isEqualTo(orderId);
		// its saga may already have decided it
		assertThat(getJson("/api/orders/" + orderId, 200).get("status").asString()).isIn("PENDING", "APPROVED");
		JsonNode events = getJson("/api/orders/" + orderId + "/events", 200);
		assertThat(events.get(0).get("type").asString()).isEqualTo("OrderPlaced");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(getJson("/api/orders?customerId=4242&size=100", 200).get("items").toString())
						.contains(orderId));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorsOfEveryLayer")
	@Order(11)
	void everyErrorIsThePlatformsProblemAtTheGatewayAndAtEachService(ErrorCase error) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(error.url()))
			.timeout(Duration.ofSeconds(10))
			.method(error.method(), (error.body() != null) ? HttpRequest.BodyPublishers.ofString(error.body())
					: HttpRequest.BodyPublishers.noBody());
		error.headers().forEach(request::header);
		if (!error.headers().containsKey("Authorization")) {
			asOperator(request);
		}

		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(error.status());
		assertThat(problemType(response)).isEqualTo("https://dsmastery.org/problems/" + error.type());
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(error.status());
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework", "tomcat");
		if (error.pointer() != null) {
			assertThat(problem.get("errors").toString()).contains(error.pointer());
		}
		if (error.status() == 405) {
			assertThat(response.headers().firstValue("Allow")).isPresent();
		}
	}

	static Stream<ErrorCase> errorsOfEveryLayer() {
		String gateway = GATEWAY.toString();
		String orders = url("order-service");
		String payments = url("payment-service");
		String wrongType = "{\"customerId\":42,\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}";
		Map<String, String> json = Map.of("Content-Type", "application/json");
		Map<String, String> bigHeader = Map.of("X-Pad", "a".repeat(9 * 1024));
		List<ErrorCase> cases = new ArrayList<>(List.of(
				new ErrorCase(gateway + "/api/nothing-here", "GET", Map.of(), null, 404, "not-found", null),
				new ErrorCase(gateway + "/api/orders", "DELETE", Map.of(), null, 405, "method-not-allowed", null),
				new ErrorCase(gateway + "/api/ids", "GET", bigHeader, null, 431, "header-too-large", null),
				new ErrorCase(gateway + "/api/ids?pad=" + "a".repeat(5000), "GET", Map.of(), null, 414, "uri-too-long",
						null),
				new ErrorCase(gateway + "/api/ids", "GET", Map.of("Authorization", "Bearer not.a.token"), null, 401,
						"unauthorized", null),
				new ErrorCase(gateway + "/api/orders/1", "GET", Map.of("Authorization", ""), null, 401, "unauthorized",
						null),
				new ErrorCase(gateway + "/api/orders", "POST",
						Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()),
						wrongType, 400, "invalid-request", "#/customerId"),
				new ErrorCase(gateway + "/api/orders", "POST",
						Map.of("Content-Type", "text/plain", "Idempotency-Key", UUID.randomUUID().toString()),
						"an order", 415, "unsupported-media-type", null),
				// mass assignment: a field the API does not take is refused, never bound
				new ErrorCase(gateway + "/api/orders", "POST",
						Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()),
						"{\"customerId\":\"42\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],"
								+ "\"status\":\"APPROVED\"}",
						400, "invalid-request", "#/status"),
				new ErrorCase(orders + "/api/orders", "POST",
						Map.of("Content-Type", "application/json", "Idempotency-Key", "k".repeat(256)), wrongType, 400,
						"idempotency-key-invalid", null),
				new ErrorCase(orders + "/api/orders", "DELETE", Map.of(), null, 405, "method-not-allowed", null),
				new ErrorCase(orders + "/api/orders?customerId=42&size=1000", "GET", Map.of(), null, 400,
						"invalid-page-size", null),
				new ErrorCase(payments + "/api/admin/accounts/7", "PUT", json, "{\"creditCents\":\"5000\"}", 400,
						"invalid-request", "#/creditCents"),
				new ErrorCase(payments + "/api/admin/accounts/7", "PUT", Map.of("Content-Type", "text/plain"), "5000",
						415, "unsupported-media-type", null),
				new ErrorCase(url("inventory-service") + "/api/products?cursor=edited", "GET", Map.of(), null, 400,
						"invalid-cursor", null),
				new ErrorCase(url("saga-orchestrator") + "/api/sagas", "DELETE", Map.of(), null, 405,
						"method-not-allowed", null),
				new ErrorCase(url("id-generator") + "/api/ids", "POST", Map.of(), null, 405, "method-not-allowed",
						null),
				new ErrorCase(url("id-generator") + "/api/ids", "GET", Map.of("Accept", "application/xml"), null, 406,
						"not-acceptable", null),
				new ErrorCase(url("rate-limiter") + "/api/rate-limits/decisions", "POST", json,
						"{\"route\":\"r\",\"keyKind\":\"CUSTOMER\",\"key\":42}", 400, "invalid-request", "#/key"),
				new ErrorCase(url("rate-limiter") + "/api/rate-limits/decisions", "DELETE", Map.of(), null, 405,
						"method-not-allowed", null),
				new ErrorCase(orders + "/api/orders/1", "GET", Map.of("Authorization", "Bearer not.a.token"), null, 401,
						"unauthorized", null),
				new ErrorCase(payments + "/api/admin/accounts/7", "PUT", Map.of("Authorization", ""), "{}", 401,
						"unauthorized", null)));
		for (String service : List.of("order-service", "payment-service", "inventory-service", "saga-orchestrator",
				"id-generator", "rate-limiter")) {
			cases.add(new ErrorCase(url(service) + "/api/nothing-here", "GET", Map.of(), null, 404, "not-found", null));
			cases.add(new ErrorCase(url(service) + "/api/nothing-here", "GET", bigHeader, null, 431, "header-too-large",
					null));
		}
		return cases.stream();
	}

	/**
	 * One bad request and the problem it must get.
	 *
	 * @param url where it goes
	 * @param method the method
	 * @param headers its headers
	 * @param body its body, or {@code null}
	 * @param status the expected status
	 * @param type the expected problem type's name
	 * @param pointer the field the problem must point at, or {@code null}
	 */
	record ErrorCase(String url, String method, Map<String, String> headers, String body, int status, String type,
			String pointer) {

		@Override
		public String toString() {
			return this.status + " " + this.type + " from " + this.method + " "
					+ this.url.substring(0, Math.min(this.url.length(), 60));
		}

	}

	@Test
	@Order(9)
	void rateLimiterDecidesWithItsDefaultRules() throws Exception {
		// no tier in the request: a customer nobody put in a tier is free; decisions are
		// asked for by the platform's services (the gateway), with their token
		String decision = "{\"route\":\"order-service\",\"keyKind\":\"CUSTOMER\",\"key\":\"" + UUID.randomUUID()
				+ "\"}";
		HttpRequest request = HttpRequest
			.newBuilder(TOPOLOGY.instance("rate-limiter").url("/api/rate-limits/decisions"))
			.header("Authorization", "Bearer " + Platform.TOKENS.services())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(decision))
			.build();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode decided = this.json.readTree(response.body());
			assertThat(decided.get("ruleId").asString()).isEqualTo("orders-free");
			assertThat(decided.get("tier").asString()).isEqualTo("free");
		});
	}

	@Test
	@Order(10)
	void theGatewayRefusesPastTheLimitOfTheTierTheRegistryGivesTheCaller() throws Exception {
		HttpRequest rule = HttpRequest
			.newBuilder(TOPOLOGY.instance("rate-limiter").url("/api/rate-limits/rules/e2e-strict"))
			.header("Authorization", "Bearer " + Platform.TOKENS.admin())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"route\":\"id-generator\",\"keyKind\":\"CUSTOMER\","
					+ "\"tier\":\"strict\",\"algorithm\":\"SLIDING_WINDOW\",\"capacity\":2,\"ratePerSecond\":0.02}"))
			.build();
		assertThat(this.http.send(rule, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		String customer = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 1L << 50));
		String shopper = "Bearer " + Platform.TOKENS.shopper(customer);

		// a caller cannot put itself in a tier, nor pass for another customer: the
		// gateway reads neither header, and removes both before routing
		HttpResponse<String> claimed = this.http.send(HttpRequest.newBuilder(GATEWAY.resolve("/api/ids"))
			.header("Authorization", shopper)
			.header("X-Client-Tier", "strict")
			.header("X-Customer-Id", "42")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(claimed.statusCode()).isEqualTo(200);
		assertThat(claimed.headers().firstValue("RateLimit-Policy")).isEmpty();

		// the tiers API can, for the customer the token names
		HttpRequest tier = HttpRequest
			.newBuilder(TOPOLOGY.instance("rate-limiter").url("/api/rate-limits/tiers/CUSTOMER/" + customer))
			.header("Authorization", "Bearer " + Platform.TOKENS.admin())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"tier\":\"strict\"}"))
			.build();
		assertThat(this.http.send(tier, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			HttpRequest request = HttpRequest.newBuilder(GATEWAY.resolve("/api/ids"))
				.header("Authorization", shopper)
				.build();
			responses.add(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}

		assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 429);
		assertThat(responses.get(0).headers().firstValue("RateLimit-Policy")).hasValue("\"e2e-strict\";q=2;w=100");
		assertThat(responses.get(1).headers().firstValue("RateLimit")).hasValue("\"e2e-strict\";r=0;t=0");
		assertThat(responses.get(2).headers().firstValue("Retry-After")).isPresent();
		assertThat(problemType(responses.get(2))).isEqualTo("https://dsmastery.org/problems/rate-limited");
	}

	@Test
	@Order(12)
	void prometheusScrapesEveryInstanceFoundThroughEurekaWithTheAlertRules() {
		this.observability.prometheusScrapesEveryInstanceFoundThroughEureka(TOPOLOGY.springBootInstances().size());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(13)
	void anOrderPlacedThroughTheGatewayIsOneTraceAcrossHttpKafkaAndTheOutbox(String style) {
		this.traces.put(style, this.observability.anOrderIsOneTrace(style));
	}

	@Test
	@Order(14)
	void platformTracePrintsAnOrdersTraceAsATree() {
		ObservabilityScenarios.OrderTrace order = this.traces.get("orchestrated");
		assertThat(order).as("the orchestrated order's trace (test 13)").isNotNull();

		Platform.Result trace = this.platform.run("trace", 2, order.orderId());

		assertThat(trace.exitCode()).as(trace.output()).isZero();
		assertThat(trace.output())
			.contains(order.traceId(), "gateway", "order-service", "saga-orchestrator", "inventory-service",
					"payment-service", "publish inventory.commands.v1", "saga.step", "one root, no orphans")
			.doesNotContain("ORPHAN");
	}

	@Test
	@Order(15)
	void platformLogsShowsTheLinesOfEveryServiceForOneTrace() {
		ObservabilityScenarios.OrderTrace order = this.traces.get("orchestrated");
		assertThat(order).as("the orchestrated order's trace (test 13)").isNotNull();

		Platform.Result logs = this.platform.run("logs", 2, "--trace", order.traceId());

		assertThat(logs.exitCode()).as(logs.output()).isZero();
		assertThat(logs.output()).contains("order-service", "saga-orchestrator");
	}

	@Test
	@Order(16)
	void aMalformedTraceparentStartsANewTraceAndAProblemNamesItsTrace() {
		this.observability.aClientsBadTraceContextStartsANewTrace();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(20)
	void happyPathReservesChargesAndApproves(String style) {
		this.sagas.happyPath(style);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(21)
	void outOfStockRejectsAndHoldsNothing(String style) {
		this.sagas.outOfStock(style);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(22)
	void declinedPaymentReleasesTheStockAndRejects(String style) {
		this.sagas.paymentDeclined(style);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(23)
	void aFailingPaymentProviderRejectsUntilItRecovers(String style) {
		this.sagas.providerFailingThenRecovering(style);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(24)
	void twoHundredOrdersOnFiftyUnitsApproveExactlyFifty(String style) throws Exception {
		this.sagas.rushOnScarceStock(style);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orchestrated", "choreographed" })
	@Order(25)
	void duplicateRequestsMakeOneOrderChargedOnce(String style) throws Exception {
		this.sagas.duplicateRequests(style);
	}

	@Test
	@Order(26)
	void aPaymentServiceKilledWithOrdersInFlightAndRestartedApprovesEveryOrder() throws Exception {
		this.sagas.participantKilledWithOrdersInFlight(this.platform, TOPOLOGY.instance("payment-service"));
	}

	@Test
	@Order(27)
	void everyDashboardPanelHasDataFromTheRunningPlatform() {
		this.observability.everyDashboardPanelHasData();
	}

	@Test
	@Order(40)
	void aShopperReachesOnlyTheirOwnOrdersAccountAndPayments() {
		this.security.aShopperReachesOnlyTheirOwnOrdersAccountAndPayments();
	}

	@Test
	@Order(41)
	void aShopperSeesNoInternalFieldsOfTheirPayment() {
		this.security.aShopperSeesNoInternalFieldsOfTheirPayment();
	}

	@Test
	@Order(42)
	void aShopperOrAnAnonymousCallerReachesNoOperatorApi() {
		this.security.aShopperOrAnAnonymousCallerReachesNoOperatorApi();
	}

	@Test
	@Order(43)
	void aForgedTokenOpensNothing() {
		this.security.aForgedTokenOpensNothing();
	}

	@Test
	@Order(46)
	void noServiceFetchesAnAddressACallerHandsIt() throws Exception {
		this.security.noServiceFetchesAnAddressACallerHandsIt();
	}

	@Test
	@Order(45)
	void theActuatorsAnswerOnlyOnTheirManagementPorts() throws Exception {
		this.security.theActuatorsAnswerOnlyOnTheirManagementPorts();
	}

	@Test
	@Order(44)
	void platformTokenPrintsAShoppersTokenForCurl() {
		Platform.Result token = this.platform.run("token", 2, "shopper", "--customer", "42");

		assertThat(token.exitCode()).as(token.output()).isZero();
		assertThat(token.output().strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
	}

	@Test
	@Order(30)
	void platformAuditPrintsAVerdictPerInvariant() {
		Platform.Result audit = this.platform.run("audit", 3);

		assertThat(audit.exitCode()).as(audit.output()).isZero();
		assertThat(audit.output()).contains("PASS  1.", "PASS  2.", "PASS  3.", "PASS  4.", "PASS  5.",
				"all invariants hold");
	}

	@Test
	@Order(99)
	void downLeavesNoProcessAndNoListeningPort() throws Exception {
		List<Long> pids = recordedPids();
		assertThat(pids).isNotEmpty();

		Platform.Result down = this.platform.run("down", 5);
		this.stopped = true;

		assertThat(down.exitCode()).as(down.output()).isZero();
		assertThat(PLATFORM_PORTS).noneMatch(PlatformEndToEndTests::listening);
		assertThat(pids).noneMatch((pid) -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
		assertThat(this.platform.state().resolve("postgres/data/postmaster.pid")).doesNotExist();
	}

	@Test
	@Order(100)
	void theRunLeftNoErrorAndOnlyExplainedWarningsInTheLogs() throws IOException {
		assertThat(this.stopped).as("the platform was stopped by the test before").isTrue();

		assertThat(this.logs.unexplained()).as("ERROR and WARN lines since up that docs/logs.md does not explain")
			.isEmpty();
	}

	@AfterAll
	void stopThePlatformWhateverHappened() {
		if (!this.stopped) {
			this.platform.run("down", 5);
		}
	}

	private long id(String path) throws Exception {
		return Long.parseLong(getJson(path, 200).get("id").asString());
	}

	private List<Long> ids(String path) throws Exception {
		List<Long> ids = new ArrayList<>();
		getJson(path, 200).get("ids").forEach((node) -> ids.add(Long.parseLong(node.asString())));
		return ids;
	}

	private JsonNode getJson(String path, int expectedStatus) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expectedStatus);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(asOperator(HttpRequest.newBuilder(GATEWAY.resolve(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = asOperator(HttpRequest.newBuilder(GATEWAY.resolve(path)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Requests of these tests are the operator's, with the admin token: they may touch
	 * every customer's orders, and they count against the rate-limiter's {@code internal}
	 * rule (the operator's client is seeded into that tier), not a shopper's limits.
	 */
	private static HttpRequest.Builder asOperator(HttpRequest.Builder request) {
		return request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + Platform.TOKENS.admin());
	}

	private String problemType(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return this.json.readTree(response.body()).get("type").asString();
	}

	private List<Long> recordedPids() throws IOException {
		Set<Long> pids = new HashSet<>();
		try (Stream<Path> files = Files.list(this.platform.state().resolve("run"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".pid")).toList()) {
				long pid = Long.parseLong(Files.readString(file).strip());
				pids.add(pid);
				ProcessHandle.of(pid).ifPresent((process) -> process.descendants().forEach((d) -> pids.add(d.pid())));
			}
		}
		Path postmaster = this.platform.state().resolve("postgres/data/postmaster.pid");
		if (Files.exists(postmaster)) {
			pids.add(Long.parseLong(Files.readAllLines(postmaster).getFirst().strip()));
		}
		return List.copyOf(pids);
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String url(String process) {
		return TOPOLOGY.instance(process).url().toString();
	}

}
