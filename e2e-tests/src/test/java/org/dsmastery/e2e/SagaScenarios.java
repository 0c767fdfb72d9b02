package org.dsmastery.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.dsmastery.audit.AuditReport;
import org.dsmastery.audit.AuditTargets;
import org.dsmastery.topology.Instance;
import org.dsmastery.audit.InvariantAudit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PlaceOrder saga end to end, through the gateway, in either style. Every scenario
 * ends with the invariant audit passing.
 */
final class SagaScenarios {

	private static final long PRICE = 2500;

	private final Shop shop = new Shop();

	private final JsonMapper json = JsonMapper.builder().build();

	void happyPath(String style) {
		String sku = this.shop.newProduct("happy", PRICE, 10);
		long customer = this.shop.newCustomer(100_000);

		String order = this.shop.placeOrder(customer, sku, 2, style);
		JsonNode done = this.shop.awaitTerminal(order);

		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("APPROVED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(stock(sku)).isEqualTo(Map.of("initial", 10L, "available", 8L, "reserved", 0L, "sold", 2L));
			JsonNode account = this.shop.account(customer);
			assertThat(account.get("capturedCents").asLong()).isEqualTo(2 * PRICE);
			assertThat(account.get("heldCents").asLong()).isZero();
		});
		if ("orchestrated".equals(style)) {
			JsonNode saga = this.shop.saga(order);
			assertThat(saga.get("state").asString()).isEqualTo("APPROVED");
			assertThat(history(saga)).containsSubsequence("SENT ReserveStock", "RECEIVED StockReserved",
					"SENT AuthorizePayment", "RECEIVED PaymentAuthorized", "SENT ApproveOrder",
					"RECEIVED OrderApproved");
		}
		else {
			assertThat(this.shop.get(Shop.GATEWAY, "/api/sagas/" + order).statusCode())
				.as("a choreographed order has no coordinator")
				.isEqualTo(404);
		}
		assertAuditPasses();
	}

	void outOfStock(String style) {
		String sku = this.shop.newProduct("scarce", PRICE, 1);
		long customer = this.shop.newCustomer(100_000);

		JsonNode done = this.shop.awaitTerminal(this.shop.placeOrder(customer, sku, 2, style));

		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("REJECTED");
		assertThat(done.get("reason").asString()).contains("out of stock");
		assertThat(stock(sku)).isEqualTo(Map.of("initial", 1L, "available", 1L, "reserved", 0L, "sold", 0L));
		JsonNode account = this.shop.account(customer);
		assertThat(account.get("balanceCents").asLong()).isEqualTo(100_000);
		assertAuditPasses();
	}

	void paymentDeclined(String style) {
		String sku = this.shop.newProduct("pricey", PRICE, 5);
		long customer = this.shop.newCustomer(PRICE - 1);

		JsonNode done = this.shop.awaitTerminal(this.shop.placeOrder(customer, sku, 1, style));

		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("REJECTED");
		assertThat(done.get("reason").asString()).isEqualTo("payment declined: insufficient-credit");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stock(sku))
				.isEqualTo(Map.of("initial", 5L, "available", 5L, "reserved", 0L, "sold", 0L)));
		assertAuditPasses();
	}

	void providerFailingThenRecovering(String style) {
		String sku = this.shop.newProduct("flaky", PRICE, 20);
		long customer = this.shop.newCustomer(100_000);
		try {
			this.shop.paymentProvider(1.0);
			JsonNode failed = this.shop.awaitTerminal(this.shop.placeOrder(customer, sku, 1, style));
			assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("REJECTED");
			assertThat(failed.get("reason").asString()).isEqualTo("payment declined: provider-unavailable");

			this.shop.paymentProvider(0.0);
			// the circuit breaker lets calls through again once its open state has passed
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				JsonNode next = this.shop.awaitTerminal(this.shop.placeOrder(customer, sku, 1, style));
				assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("APPROVED");
			});
		}
		finally {
			this.shop.paymentProvider(0.0);
		}
		assertAuditPasses();
	}

	/**
	 * 200 customers order the last unit of a SKU with 50 units at the same moment.
	 */
	void rushOnScarceStock(String style) throws Exception {
		String sku = this.shop.newProduct("rush", 900, 50);
		List<String> orders = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
			List<Future<String>> placed = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				long customer = 10_000_000L + (long) (Math.random() * 1_000_000_000_000L);
				placed.add(clients.submit(() -> this.shop.placeOrderAsOperator(customer, sku, 1, style)));
			}
			for (Future<String> order : placed) {
				orders.add(order.get());
			}
		}

		Map<String, JsonNode> done = this.shop.awaitTerminal(orders, Duration.ofMinutes(3));

		Map<String, Long> outcomes = done.values()
			.stream()
			.collect(Collectors.groupingBy((view) -> view.get("status").asString(), Collectors.counting()));
		assertThat(outcomes).isEqualTo(Map.of("APPROVED", 50L, "REJECTED", 150L));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stock(sku))
				.isEqualTo(Map.of("initial", 50L, "available", 0L, "reserved", 0L, "sold", 50L)));
		assertAuditPasses();
	}

	void duplicateRequests(String style) throws Exception {
		String sku = this.shop.newProduct("twice", PRICE, 10);
		long customer = this.shop.newCustomer(100_000);
		String key = UUID.randomUUID().toString();

		List<HttpResponse<String>> responses = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				sent.add(clients.submit(() -> this.shop.place(customer, sku, 3, style, key)));
			}
			for (Future<HttpResponse<String>> response : sent) {
				responses.add(response.get());
			}
		}

		// the first places it; each other one is either replayed (202) or refused while
		// the first runs (409)
		assertThat(responses).extracting(HttpResponse::statusCode).isSubsetOf(202, 409);
		List<String> orderIds = responses.stream()
			.filter((response) -> response.statusCode() == 202)
			.map((response) -> this.json.readTree(response.body()).get("orderId").asString())
			.distinct()
			.toList();
		assertThat(orderIds).hasSize(1);
		assertThat(this.shop.awaitTerminal(orderIds.get(0)).get("status").asString()).isEqualTo("APPROVED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(stock(sku).get("sold")).isEqualTo(3L);
			assertThat(this.shop.account(customer).get("capturedCents").asLong()).isEqualTo(3 * PRICE);
		});
		assertAuditPasses();
	}

	/**
	 * A participant killed with {@code kill -9} while orders of both styles are in
	 * flight, more orders placed while it is down, then restarted by {@code ./platform
	 * up}: every order is approved, none is charged twice, the audit passes. Its
	 * consumers rejoin as the same static members at once, and the saga re-sends what
	 * went unanswered before its give-up deadline (ADR 0020).
	 * @param platform the running platform
	 * @param instance the participant
	 */
	void participantKilledWithOrdersInFlight(Platform platform, Instance instance) throws Exception {
		String sku = this.shop.newProduct("crash", PRICE, 100);
		long customer = this.shop.newCustomer(1_000_000);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orders.add(this.shop.placeOrder(customer, sku, 1, (i % 2 == 0) ? "orchestrated" : "choreographed"));
		}

		ProcessHandle participant = platform.process(instance.id());
		assertThat(participant.destroyForcibly()).as("SIGKILL sent to %s", instance).isTrue();
		participant.onExit().get(30, TimeUnit.SECONDS);
		for (int i = 0; i < 10; i++) {
			orders.add(this.shop.placeOrder(customer, sku, 1, (i % 2 == 0) ? "orchestrated" : "choreographed"));
		}
		Platform.Result up = platform.run("up", 5);

		assertThat(up.exitCode()).as(up.output()).isZero();
		assertThat(up.output()).contains(instance.name() + " :" + instance.port() + " healthy")
			.contains("order-service :" + Platform.TOPOLOGY.instance("order-service").port() + " already running");
		Map<String, JsonNode> done = this.shop.awaitTerminal(orders, Duration.ofMinutes(4));
		assertThat(done.values()).as("every order, although %s was killed with them in flight", instance)
			.allSatisfy(
					(order) -> assertThat(order.get("status").asString()).as(order.toString()).isEqualTo("APPROVED"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(stock(sku).get("sold")).isEqualTo(30L);
			assertThat(this.shop.account(customer).get("capturedCents").asLong()).isEqualTo(30 * PRICE);
		});
		assertAuditPasses();
	}

	AuditReport assertAuditPasses() {
		AuditReport report = audit().awaitPassing(Duration.ofSeconds(60));
		assertThat(report.passed()).as("invariant audit:%n%s", report).isTrue();
		return report;
	}

	private Map<String, Long> stock(String sku) {
		JsonNode stock = this.shop.stock(sku);
		return Map.of("initial", stock.get("initial").asLong(), "available", stock.get("available").asLong(),
				"reserved", stock.get("reserved").asLong(), "sold", stock.get("sold").asLong());
	}

	private static List<String> history(JsonNode saga) {
		List<String> entries = new ArrayList<>();
		saga.get("history")
			.forEach((entry) -> entries.add(entry.get("kind").asString() + " " + entry.get("type").asString()));
		return entries;
	}

	/**
	 * The audit of the platform that runs, made once it runs: how it reaches Kafka
	 * (secured or not) is what the dev stack wrote when it started.
	 */
	private InvariantAudit audit() {
		return new InvariantAudit(AuditTargets.of(Platform.TOPOLOGY, Platform.STATE), Platform.TOKENS::admin);
	}

}
