package org.dsmastery.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.ReleaseStock;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.dsmastery.inventory.contracts.v1.StockCommitted;
import org.dsmastery.inventory.contracts.v1.StockLine;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.inventory.contracts.v1.StockReleased;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reservation saga participant through Kafka: commands and events in, stock events
 * out through the outbox, on real PostgreSQL, Kafka and Redis.
 */
class ReservationMessagingTests extends InventoryIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void reservesOnReserveStockAndAnswersWithTheSagaHeaders() {
		Sku sku = newProduct("SKU-RES", 10);
		long order = newOrderId();
		String sagaId = Long.toString(order);

		String command = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, reserveStock(order, Map.of(sku, 3)),
				UUID.randomUUID().toString(), sagaId);

		ConsumerRecord<String, String> reply = awaitEvent(order, StockReserved.TYPE, command);
		StockReserved reserved = JSON.readValue(reply.value(), StockReserved.class);
		assertThat(reserved.orderId()).isEqualTo(order);
		assertThat(reserved.lines()).containsExactly(new StockLine(sku.code(), 3));
		assertThat(IncomingMessages.header(reply, MessageHeaders.SAGA_ID)).isEqualTo(sagaId);
		assertThat(IncomingMessages.header(reply, MessageHeaders.CORRELATION_ID)).isEqualTo(Long.toString(order));
		assertThat(reply.key()).isEqualTo(Long.toString(order));
		assertThat(stock(sku)).containsEntry("available", 7L).containsEntry("reserved", 3L);
		assertThat(reservationStatus(order)).isEqualTo("RESERVED");

		Map<String, Object> audit = audit();
		assertThat(audit.get("reservations")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains(Map.of("orderId", Long.toString(order), "status", "RESERVED", "sagaStyle", "orchestrated",
					"lines", List.of(Map.of("sku", sku.code(), "quantity", 3))));
		assertThat(audit.get("stock")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains(Map.of("sku", sku.code(), "initial", 10, "available", 7, "reserved", 3, "sold", 0));
		assertThat(audit).containsKey("outboxBacklog");
	}

	@Test
	void rejectsAllOrNothingListingEveryUnavailableSku() {
		Sku plenty = newProduct("SKU-MULTI-A", 10);
		Sku scarce = newProduct("SKU-MULTI-B", 1);
		Sku unknown = new Sku("SKU-UNKNOWN-" + Long.toString(newOrderId(), 36).toUpperCase(java.util.Locale.ROOT));
		long order = newOrderId();

		String command = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE,
				reserveStock(order, Map.of(plenty, 2, scarce, 5, unknown, 1)), UUID.randomUUID().toString(),
				Long.toString(order));

		StockRejected rejected = JSON.readValue(awaitEvent(order, StockRejected.TYPE, command).value(),
				StockRejected.class);
		assertThat(rejected.unavailableSkus()).containsExactlyInAnyOrder(scarce.code(), unknown.code());
		assertThat(rejected.reason()).startsWith("out of stock: ");
		assertThat(stock(plenty)).containsEntry("available", 10L).containsEntry("reserved", 0L);
		assertThat(stock(scarce)).containsEntry("available", 1L).containsEntry("reserved", 0L);
		assertThat(reservationStatus(order)).isEqualTo("REJECTED");

		String again = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE,
				reserveStock(order, Map.of(plenty, 2, scarce, 1)));
		StockRejected repeated = JSON.readValue(awaitEvent(order, StockRejected.TYPE, again).value(),
				StockRejected.class);
		assertThat(repeated.unavailableSkus()).isEqualTo(rejected.unavailableSkus());
		assertThat(stock(scarce)).containsEntry("available", 1L);
	}

	@Test
	void appliesADuplicatedMessageOnce() {
		Sku sku = newProduct("SKU-DUP", 10);
		long order = newOrderId();
		String messageId = UUID.randomUUID().toString();
		String payload = reserveStock(order, Map.of(sku, 4));

		send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, payload, messageId, null);
		send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, payload, messageId, null);
		// same key, same partition: once this one is answered, both copies were handled
		String marker = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, payload);
		awaitEvent(order, StockReserved.TYPE, marker);

		assertThat(events(order))
			.filteredOn((record) -> messageId.equals(IncomingMessages.header(record, MessageHeaders.CAUSATION_ID)))
			.hasSize(1);
		assertThat(stock(sku)).containsEntry("available", 6L).containsEntry("reserved", 4L);

		String approved = UUID.randomUUID().toString();
		String orderApproved = "{\"orderId\":\"" + order + "\",\"approvedAt\":\"2026-11-25T16:37:24.012Z\"}";
		send(OrderTopics.EVENTS, order, OrderApproved.TYPE, orderApproved, approved, null);
		send(OrderTopics.EVENTS, order, OrderApproved.TYPE, orderApproved, approved, null);
		assertThat(JSON.readValue(awaitEvent(order, StockCommitted.TYPE, approved).value(), StockCommitted.class)
			.committedUnits()).isEqualTo(4);
		String secondApproval = send(OrderTopics.EVENTS, order, OrderApproved.TYPE, orderApproved);
		awaitProcessed(secondApproval);

		assertThat(events(order)).filteredOn((record) -> StockCommitted.TYPE.equals(IncomingMessages.type(record)))
			.hasSize(1);
		assertThat(stock(sku)).containsEntry("available", 6L).containsEntry("reserved", 0L).containsEntry("sold", 4L);
		assertThat(reservationStatus(order)).isEqualTo("COMMITTED");
	}

	@Test
	void releasesOnReleaseStockAndRefusesALateReserve() {
		Sku sku = newProduct("SKU-REL", 5);
		long order = newOrderId();
		String sagaId = Long.toString(order);
		String reserve = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, reserveStock(order, Map.of(sku, 2)),
				UUID.randomUUID().toString(), sagaId);
		awaitEvent(order, StockReserved.TYPE, reserve);

		String release = send(InventoryTopics.COMMANDS, order, ReleaseStock.TYPE,
				"{\"orderId\":\"" + order + "\",\"reason\":\"payment declined: insufficient-credit\"}",
				UUID.randomUUID().toString(), sagaId);
		ConsumerRecord<String, String> releasedRecord = awaitEvent(order, StockReleased.TYPE, release);
		StockReleased released = JSON.readValue(releasedRecord.value(), StockReleased.class);
		assertThat(released.releasedUnits()).isEqualTo(2);
		assertThat(released.reason()).isEqualTo("payment declined: insufficient-credit");
		assertThat(IncomingMessages.header(releasedRecord, MessageHeaders.SAGA_ID)).isEqualTo(sagaId);
		assertThat(stock(sku)).containsEntry("available", 5L).containsEntry("reserved", 0L);

		String releaseAgain = send(InventoryTopics.COMMANDS, order, ReleaseStock.TYPE,
				"{\"orderId\":\"" + order + "\",\"reason\":\"deadline passed\"}");
		assertThat(JSON.readValue(awaitEvent(order, StockReleased.TYPE, releaseAgain).value(), StockReleased.class)
			.releasedUnits()).isZero();

		String late = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, reserveStock(order, Map.of(sku, 2)));
		StockRejected refused = JSON.readValue(awaitEvent(order, StockRejected.TYPE, late).value(),
				StockRejected.class);
		assertThat(refused.reason()).isEqualTo("order-closed");
		assertThat(stock(sku)).containsEntry("available", 5L).containsEntry("reserved", 0L);
	}

	@Test
	void aReleaseBeforeTheReserveLeavesATombstone() {
		Sku sku = newProduct("SKU-TOMB", 5);
		long order = newOrderId();

		String release = send(InventoryTopics.COMMANDS, order, ReleaseStock.TYPE,
				"{\"orderId\":\"" + order + "\",\"reason\":\"reserving timed out\"}");
		assertThat(JSON.readValue(awaitEvent(order, StockReleased.TYPE, release).value(), StockReleased.class)
			.releasedUnits()).isZero();
		String late = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, reserveStock(order, Map.of(sku, 1)));

		assertThat(JSON.readValue(awaitEvent(order, StockRejected.TYPE, late).value(), StockRejected.class).reason())
			.isEqualTo("order-closed");
		assertThat(stock(sku)).containsEntry("available", 5L).containsEntry("reserved", 0L);
		assertThat(reservationStatus(order)).isEqualTo("RELEASED");
	}

	@Test
	void choreographedOrderIsReservedOnOrderPlacedAndReleasedOnPaymentDeclined() {
		Sku sku = newProduct("SKU-CHOREO", 8);
		long order = newOrderId();

		String placed = send(OrderTopics.EVENTS, order, OrderPlaced.TYPE, orderPlaced(order, sku, 3, "choreographed"));
		ConsumerRecord<String, String> reserved = awaitEvent(order, StockReserved.TYPE, placed);
		assertThat(IncomingMessages.header(reserved, MessageHeaders.SAGA_ID)).isNull();
		assertThat(stock(sku)).containsEntry("available", 5L).containsEntry("reserved", 3L);

		String declined = send(PaymentTopics.EVENTS, order, PaymentDeclined.TYPE, paymentDeclined(order));
		StockReleased released = JSON.readValue(awaitEvent(order, StockReleased.TYPE, declined).value(),
				StockReleased.class);
		assertThat(released.releasedUnits()).isEqualTo(3);
		assertThat(released.reason()).isEqualTo("payment declined: insufficient-credit");
		assertThat(stock(sku)).containsEntry("available", 8L).containsEntry("reserved", 0L);

		String rejected = send(OrderTopics.EVENTS, order, OrderRejected.TYPE, "{\"orderId\":\"" + order
				+ "\",\"reason\":\"payment declined\",\"rejectedAt\":\"2026-11-25T16:37:24.012Z\"}");
		awaitProcessed(rejected);
		assertThat(events(order)).filteredOn((record) -> StockReleased.TYPE.equals(IncomingMessages.type(record)))
			.as("the safety net releases nothing twice")
			.hasSize(1);
	}

	@Test
	void orchestratedReservationWaitsForTheOrchestratorButTheClosedOrderReleasesIt() {
		Sku sku = newProduct("SKU-ORCH", 8);
		long order = newOrderId();

		String placed = send(OrderTopics.EVENTS, order, OrderPlaced.TYPE, orderPlaced(order, sku, 3, "orchestrated"));
		String reserve = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, reserveStock(order, Map.of(sku, 3)),
				UUID.randomUUID().toString(), Long.toString(order));
		awaitEvent(order, StockReserved.TYPE, reserve);
		String declined = send(PaymentTopics.EVENTS, order, PaymentDeclined.TYPE, paymentDeclined(order));
		awaitProcessed(declined);
		assertThat(reservationStatus(order)).as("PaymentDeclined does not release an orchestrated reservation")
			.isEqualTo("RESERVED");

		String rejected = send(OrderTopics.EVENTS, order, OrderRejected.TYPE, "{\"orderId\":\"" + order
				+ "\",\"reason\":\"payment declined\",\"rejectedAt\":\"2026-11-25T16:37:24.012Z\"}");

		StockReleased released = JSON.readValue(awaitEvent(order, StockReleased.TYPE, rejected).value(),
				StockReleased.class);
		assertThat(released.releasedUnits()).isEqualTo(3);
		assertThat(released.reason()).isEqualTo("order rejected: payment declined");
		assertThat(stock(sku)).containsEntry("available", 8L).containsEntry("reserved", 0L);
		assertThat(events(order))
			.noneMatch((record) -> placed.equals(IncomingMessages.header(record, MessageHeaders.CAUSATION_ID)));
	}

	@Test
	void aCancelledOrderRefusesItsLateOrderPlaced() {
		Sku sku = newProduct("SKU-CANCEL", 4);
		long order = newOrderId();

		String cancelled = send(OrderTopics.EVENTS, order, OrderCancelled.TYPE, "{\"orderId\":\"" + order
				+ "\",\"reason\":\"ordered by mistake\",\"cancelledAt\":\"2026-11-25T16:37:25.100Z\"}");
		awaitProcessed(cancelled);
		assertThat(events(order)).as("nothing was held, so nothing is announced").isEmpty();

		String placed = send(OrderTopics.EVENTS, order, OrderPlaced.TYPE, orderPlaced(order, sku, 1, "choreographed"));
		assertThat(JSON.readValue(awaitEvent(order, StockRejected.TYPE, placed).value(), StockRejected.class).reason())
			.isEqualTo("order-closed");
		assertThat(stock(sku)).containsEntry("available", 4L);
	}

	@Test
	void theOutboxDrains() {
		Sku sku = newProduct("SKU-DRAIN", 3);
		long order = newOrderId();
		String reserve = send(InventoryTopics.COMMANDS, order, ReserveStock.TYPE, reserveStock(order, Map.of(sku, 1)));
		awaitEvent(order, StockReserved.TYPE, reserve);

		await().atMost(Duration.ofSeconds(30)).until(() -> outboxBacklog() == 0);
		assertThat(audit()).containsEntry("outboxBacklog", 0);
	}

	private Map<String, Object> audit() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build()
			.get()
			.uri("/api/audit/stock")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	private static String reserveStock(long order, Map<Sku, Integer> lines) {
		return JSON.writeValueAsString(new ReserveStock(order,
				lines.entrySet()
					.stream()
					.map((line) -> new StockLine(line.getKey().code(), line.getValue()))
					.toList()));
	}

	private static String orderPlaced(long order, Sku sku, int quantity, String style) {
		return "{\"orderId\":\"" + order + "\",\"customerId\":\"42\",\"lines\":[{\"sku\":\"" + sku.code()
				+ "\",\"quantity\":" + quantity + ",\"unitPriceCents\":1000}],\"totalCents\":" + (quantity * 1000)
				+ ",\"currency\":\"EUR\",\"sagaStyle\":\"" + style + "\",\"placedAt\":\"2026-11-25T16:37:23.465Z\"}";
	}

	private static String paymentDeclined(long order) {
		return "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"42\",\"reason\":\"insufficient-credit\",\"declinedAt\":\"2026-11-25T16:37:23.802Z\"}";
	}

}
