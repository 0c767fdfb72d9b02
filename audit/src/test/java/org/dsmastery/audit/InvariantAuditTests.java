package org.dsmastery.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dsmastery.audit.contracts.v1.AuditExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class InvariantAuditTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-11-25T12:10:00Z");

	// The golden /api/audit examples each service's own web test holds its response to
	// (contracts/audit-contracts): one consistent platform, which each test below breaks
	private static final String ORDERS = golden("orders");

	private static final String STOCK = golden("stock");

	private static final String PAYMENTS = golden("payments");

	private static final String SAGAS = golden("sagas");

	@Test
	void aConsistentPlatformPassesEveryInvariant() {
		AuditReport report = check(ORDERS, STOCK, PAYMENTS, SAGAS, Map.of("order-service.projections", 0L));

		assertThat(report.passed()).as(report.toString()).isTrue();
		assertThat(report.toString()).startsWith("PASS  1. every order reaches a terminal state");
	}

	@Test
	void anOrderPendingTooLongBreaksInvariantOne() {
		String old = ORDERS.replace("\"placedAt\":\"2026-11-25T12:09:59Z\"", "\"placedAt\":\"2026-11-25T12:00:00Z\"");

		AuditReport report = check(old, STOCK, PAYMENTS, SAGAS, Map.of());

		assertThat(failed(report, 1)).containsExactly("order 3 pending since 2026-11-25T12:00:00Z");
	}

	@Test
	void oversoldStockBreaksInvariantTwo() {
		String oversold = STOCK.replace("\"available\":6", "\"available\":7");

		AuditReport report = check(ORDERS, oversold, PAYMENTS, SAGAS, Map.of());

		assertThat(failed(report, 2)).containsExactly("sku SKU-MOUSE: initial 10 != available 7 + reserved 1 + sold 3");
	}

	@Test
	void aDoubleChargeBreaksInvariantThree() {
		String twice = PAYMENTS.replace("\"providerDuplicates\":[]", "\"providerDuplicates\":[\"1\"]");

		AuditReport report = check(ORDERS, STOCK, twice, SAGAS, Map.of());

		assertThat(failed(report, 3)).containsExactly("order 1 was authorized more than once at the payment provider");
	}

	@Test
	void anApprovedOrderWithoutCaptureOrARejectedOneWithAHoldBreaksInvariantFour() {
		String open = PAYMENTS.replace("\"CAPTURED\"", "\"AUTHORIZED\"")
			.replace("\"heldCents\":0,\"capturedCents\":7500", "\"heldCents\":7500,\"capturedCents\":0");
		String rejectedStillHeld = STOCK.replace("\"RELEASED\"", "\"RESERVED\"")
			.replace("\"reserved\":1", "\"reserved\":3")
			.replace("\"available\":6", "\"available\":4");

		AuditReport report = check(ORDERS, rejectedStillHeld, open, SAGAS, Map.of());

		assertThat(failed(report, 4)).containsExactlyInAnyOrder("order 1 is approved but its payment is AUTHORIZED",
				"order 2 is rejected but its reservation is RESERVED");
		assertThat(report.results().get(1).passed()).isTrue();
		assertThat(report.results().get(2).passed()).isTrue();
	}

	@Test
	void aBacklogOrALaggingGroupBreaksInvariantFive() {
		String backlog = SAGAS.replace("\"outboxBacklog\":0", "\"outboxBacklog\":4");

		AuditReport report = check(ORDERS, STOCK, PAYMENTS, backlog, Map.of("payment-service.order-events", 2L));

		assertThat(failed(report, 5)).containsExactly("saga-orchestrator: 4 messages wait in its outbox",
				"consumer group payment-service.order-events lags 2 messages");
	}

	private static AuditReport check(String orders, String stock, String payments, String sagas,
			Map<String, Long> lag) {
		return InvariantAudit.check(
				new InvariantAudit.Snapshot(json(orders), json(stock), json(payments), json(sagas), lag, NOW),
				Duration.ofSeconds(90));
	}

	private static List<String> failed(AuditReport report, int invariant) {
		InvariantResult result = report.results().get(invariant - 1);
		assertThat(result.passed()).as(report.toString()).isFalse();
		return result.offenders();
	}

	/** A golden example as compact JSON, so that a test can edit one field as text. */
	private static String golden(String name) {
		return JSON.readTree(AuditExamples.golden(name)).toString();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
