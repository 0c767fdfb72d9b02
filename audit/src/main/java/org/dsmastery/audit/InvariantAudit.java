package org.dsmastery.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the platform's invariants (ARCHITECTURE.md, "Invariants") against the live
 * services: each service's {@code /api/audit/*} endpoint tells what it holds (to an
 * operator: the audit asks with an {@code admin} token), Kafka's admin API tells how far
 * each consumer group lags, and the audit compares them.
 *
 * <pre class="code">
 * InvariantAudit audit = new InvariantAudit(AuditTargets.of(Topology.local(), PlatformTokens.localState()),
 *         PlatformTokens.local()::admin);
 * AuditReport report = audit.awaitPassing(Duration.ofSeconds(60));
 * assertThat(report.passed()).as(report.toString()).isTrue();
 * </pre>
 *
 * The invariants hold at rest: right after a burst, captures and commits are still on
 * their way, so {@link #awaitPassing(Duration)} asks again until they hold or time runs
 * out, and then returns the last verdict.
 */
public class InvariantAudit {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditTargets targets;

	private final Supplier<String> token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * Creates the audit of a platform.
	 * @param targets the services and Kafka to ask
	 * @param token an operator's access token, asked for before each request (a supplier
	 * that caches, such as {@code PlatformTokens::admin})
	 */
	public InvariantAudit(AuditTargets targets, Supplier<String> token) {
		this.targets = targets;
		this.token = token;
	}

	/**
	 * Audits once.
	 * @return the verdict on every invariant
	 */
	public AuditReport run() {
		Snapshot snapshot = new Snapshot(get(this.targets.orders(), "/api/audit/orders"),
				get(this.targets.inventory(), "/api/audit/stock"), get(this.targets.payments(), "/api/audit/payments"),
				get(this.targets.sagas(), "/api/audit/sagas"), consumerLag(), Instant.now());
		return check(snapshot, this.targets.terminalWithin());
	}

	/**
	 * Audits until every invariant holds or {@code timeout} passes.
	 * @param timeout how long to wait for the platform to come to rest
	 * @return the last verdict
	 */
	public AuditReport awaitPassing(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		AuditReport report = run();
		while (!report.passed() && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(500));
			report = run();
		}
		return report;
	}

	/**
	 * Judges a snapshot of the platform.
	 * @param snapshot what every service and Kafka said
	 * @param terminalWithin how long an order may stay pending
	 * @return the verdict
	 */
	static AuditReport check(Snapshot snapshot, Duration terminalWithin) {
		return new AuditReport(List.of(everyOrderEnds(snapshot, terminalWithin), stockAddsUp(snapshot),
				creditAddsUp(snapshot), outcomesMatch(snapshot), atRest(snapshot)));
	}

	private static InvariantResult everyOrderEnds(Snapshot s, Duration within) {
		List<String> offenders = new ArrayList<>();
		Instant cutoff = s.takenAt().minus(within);
		for (JsonNode order : s.orders().path("orders")) {
			Instant placedAt = Instant.parse(order.path("placedAt").asString());
			if ("PENDING".equals(order.path("status").asString()) && placedAt.isBefore(cutoff)) {
				offenders.add("order " + order.path("orderId").asString() + " pending since " + placedAt);
			}
		}
		for (JsonNode saga : s.sagas().path("stuck")) {
			offenders.add("saga " + saga.asString() + " is far past its step deadline");
		}
		return new InvariantResult(1, "every order reaches a terminal state within " + within.toSeconds() + " s",
				offenders);
	}

	private static InvariantResult stockAddsUp(Snapshot s) {
		List<String> offenders = new ArrayList<>();
		Map<String, Long> reserved = new HashMap<>();
		Map<String, Long> sold = new HashMap<>();
		for (JsonNode reservation : s.inventory().path("reservations")) {
			String status = reservation.path("status").asString();
			Map<String, Long> into = switch (status) {
				case "RESERVED" -> reserved;
				case "COMMITTED" -> sold;
				default -> null;
			};
			if (into != null) {
				for (JsonNode line : reservation.path("lines")) {
					into.merge(line.path("sku").asString(), line.path("quantity").asLong(), Long::sum);
				}
			}
		}
		for (JsonNode stock : s.inventory().path("stock")) {
			String sku = stock.path("sku").asString();
			long initial = stock.path("initial").asLong();
			long available = stock.path("available").asLong();
			long held = stock.path("reserved").asLong();
			long gone = stock.path("sold").asLong();
			if (initial != available + held + gone) {
				offenders.add("sku %s: initial %d != available %d + reserved %d + sold %d".formatted(sku, initial,
						available, held, gone));
			}
			if (available < 0 || held < 0 || gone < 0) {
				offenders.add("sku %s: a negative count (available %d, reserved %d, sold %d)".formatted(sku, available,
						held, gone));
			}
			if (held != reserved.getOrDefault(sku, 0L)) {
				offenders.add("sku %s: reserved %d but open reservations hold %d".formatted(sku, held,
						reserved.getOrDefault(sku, 0L)));
			}
			if (gone != sold.getOrDefault(sku, 0L)) {
				offenders.add("sku %s: sold %d but committed reservations hold %d".formatted(sku, gone,
						sold.getOrDefault(sku, 0L)));
			}
		}
		return new InvariantResult(2, "per sku: initial stock = available + reserved + sold, never negative",
				offenders);
	}

	private static InvariantResult creditAddsUp(Snapshot s) {
		List<String> offenders = new ArrayList<>();
		Map<String, Long> held = new HashMap<>();
		Map<String, Long> captured = new HashMap<>();
		for (JsonNode payment : s.payments().path("payments")) {
			Map<String, Long> into = switch (payment.path("status").asString()) {
				case "AUTHORIZED" -> held;
				case "CAPTURED" -> captured;
				default -> null;
			};
			if (into != null) {
				into.merge(payment.path("customerId").asString(), payment.path("amountCents").asLong(), Long::sum);
			}
		}
		for (JsonNode account : s.payments().path("accounts")) {
			String customer = account.path("customerId").asString();
			long credit = account.path("creditCents").asLong();
			long balance = account.path("balanceCents").asLong();
			long onHold = account.path("heldCents").asLong();
			long charged = account.path("capturedCents").asLong();
			if (credit != balance + onHold + charged) {
				offenders.add("customer %s: credit %d != balance %d + held %d + captured %d".formatted(customer, credit,
						balance, onHold, charged));
			}
			if (balance < 0 || onHold < 0 || charged < 0) {
				offenders.add("customer %s: a negative amount".formatted(customer));
			}
			if (onHold != held.getOrDefault(customer, 0L)) {
				offenders.add("customer %s: held %d but authorized payments hold %d".formatted(customer, onHold,
						held.getOrDefault(customer, 0L)));
			}
			if (charged != captured.getOrDefault(customer, 0L)) {
				offenders.add("customer %s: captured %d but captured payments sum to %d".formatted(customer, charged,
						captured.getOrDefault(customer, 0L)));
			}
		}
		for (JsonNode order : s.payments().path("providerDuplicates")) {
			offenders.add("order " + order.asString() + " was authorized more than once at the payment provider");
		}
		return new InvariantResult(3, "per customer: credit = balance + held + captured; no order charged twice",
				offenders);
	}

	private static InvariantResult outcomesMatch(Snapshot s) {
		List<String> offenders = new ArrayList<>();
		Map<String, String> reservations = byOrder(s.inventory().path("reservations"),
				(reservation) -> reservation.path("status").asString());
		Map<String, String> payments = byOrder(s.payments().path("payments"),
				(payment) -> payment.path("status").asString());
		Map<String, String> orders = byOrder(s.orders().path("orders"), (order) -> order.path("status").asString());
		orders.forEach((order, status) -> {
			String reservation = reservations.get(order);
			String payment = payments.get(order);
			switch (status) {
				case "APPROVED" -> {
					if (!"COMMITTED".equals(reservation)) {
						offenders.add("order %s is approved but its reservation is %s".formatted(order, reservation));
					}
					if (!"CAPTURED".equals(payment)) {
						offenders.add("order %s is approved but its payment is %s".formatted(order, payment));
					}
				}
				case "REJECTED", "CANCELLED" -> {
					if ("RESERVED".equals(reservation) || "COMMITTED".equals(reservation)) {
						offenders.add("order %s is %s but its reservation is %s".formatted(order, status.toLowerCase(),
								reservation));
					}
					if ("AUTHORIZED".equals(payment) || "CAPTURED".equals(payment)) {
						offenders.add(
								"order %s is %s but its payment is %s".formatted(order, status.toLowerCase(), payment));
					}
				}
				default -> {
					// pending: anything may be open; invariant 1 bounds how long
				}
			}
		});
		reservations.forEach((order, status) -> {
			if ("COMMITTED".equals(status) && !"APPROVED".equals(orders.get(order))) {
				offenders.add("order %s has a committed reservation but is %s".formatted(order, orders.get(order)));
			}
		});
		payments.forEach((order, status) -> {
			if ("CAPTURED".equals(status) && !"APPROVED".equals(orders.get(order))) {
				offenders.add("order %s has a captured payment but is %s".formatted(order, orders.get(order)));
			}
		});
		return new InvariantResult(4,
				"approved: one captured payment and one committed reservation; rejected: nothing left open", offenders);
	}

	private static InvariantResult atRest(Snapshot s) {
		List<String> offenders = new ArrayList<>();
		Map<String, JsonNode> services = new TreeMap<>(Map.of("order-service", s.orders(), "inventory-service",
				s.inventory(), "payment-service", s.payments(), "saga-orchestrator", s.sagas()));
		services.forEach((service, report) -> {
			long backlog = report.path("outboxBacklog").asLong();
			if (backlog != 0) {
				offenders.add("%s: %d messages wait in its outbox".formatted(service, backlog));
			}
		});
		long behind = s.orders().path("projectionBehind").asLong();
		if (behind != 0) {
			offenders.add("order-service: the read side is behind on %d orders".formatted(behind));
		}
		s.lagByGroup().forEach((group, lag) -> {
			if (lag != 0) {
				offenders.add("consumer group %s lags %d messages".formatted(group, lag));
			}
		});
		return new InvariantResult(5, "at rest: every outbox drained, no consumer group lags", offenders);
	}

	private static Map<String, String> byOrder(JsonNode rows, Function<JsonNode, String> value) {
		Map<String, String> byOrder = new HashMap<>();
		for (JsonNode row : rows) {
			byOrder.put(row.path("orderId").asString(), value.apply(row));
		}
		return byOrder;
	}

	private JsonNode get(URI base, String path) {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", "Bearer " + this.token.get())
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AuditException(request.uri() + " answered " + response.statusCode());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new AuditException(request.uri() + " did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditException("interrupted", ex);
		}
	}

	private Map<String, Long> consumerLag() {
		Map<String, Object> config = new HashMap<>(this.targets.kafka());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		Map<String, Long> lag = new TreeMap<>();
		try (Admin admin = Admin.create(config)) {
			for (GroupListing group : admin.listGroups().all().get(10, TimeUnit.SECONDS)) {
				String id = group.groupId();
				if (this.targets.consumerGroupPrefixes().stream().noneMatch(id::startsWith)) {
					continue;
				}
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(id)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest)
					.all()
					.get(10, TimeUnit.SECONDS);
				long behind = 0;
				for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
					if (entry.getValue() != null) {
						behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
					}
				}
				lag.put(id, behind);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AuditException("Kafka at " + this.targets.kafkaBootstrapServers() + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditException("interrupted", ex);
		}
		return lag;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditException("interrupted", ex);
		}
	}

	/**
	 * What every source said at one moment.
	 *
	 * @param orders order-service's audit report
	 * @param inventory inventory-service's
	 * @param payments payment-service's
	 * @param sagas saga-orchestrator's
	 * @param lagByGroup messages each platform consumer group has yet to process
	 * @param takenAt when
	 */
	record Snapshot(JsonNode orders, JsonNode inventory, JsonNode payments, JsonNode sagas,
			Map<String, Long> lagByGroup, Instant takenAt) {
	}

}
