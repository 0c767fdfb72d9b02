package org.dsmastery.inventory.adapter.in.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.application.ReleaseTrigger;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.ReleaseStock;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.SagaStyle;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side: every golden example inventory consumes maps to what inventory is
 * asked to do.
 */
class InventoryMessagesTests {

	private static final OrderId ORDER = new OrderId(251385792545427456L);

	private static final List<ReservationLine> LINES = List.of(new ReservationLine(new Sku("SKU-KEYBOARD"), 2),
			new ReservationLine(new Sku("SKU-MOUSE"), 1));

	@Test
	void readsReserveStock() {
		assertThat(read("inventory.commands.v1", "ReserveStock", InventoryContracts.goldenExample(ReserveStock.class)))
			.contains(new ReservationRequest.Reserve(ORDER, LINES, SagaStyle.ORCHESTRATED));
	}

	@Test
	void readsReleaseStock() {
		assertThat(read("inventory.commands.v1", "ReleaseStock", InventoryContracts.goldenExample(ReleaseStock.class)))
			.contains(new ReservationRequest.Release(ORDER, "payment declined: insufficient-credit",
					ReleaseTrigger.COMMAND));
	}

	@Test
	void readsOrderPlacedAndReservesOnlyAChoreographedOrder() {
		String orchestrated = OrderContracts.goldenExample(OrderPlaced.class);
		String choreographed = orchestrated.replace("\"orchestrated\"", "\"choreographed\"");

		assertThat(read("order.events.v1", "OrderPlaced", orchestrated)).isEmpty();
		assertThat(read("order.events.v1", "OrderPlaced", choreographed))
			.contains(new ReservationRequest.Reserve(ORDER, LINES, SagaStyle.CHOREOGRAPHED));
	}

	@Test
	void readsOrderApproved() {
		assertThat(read("order.events.v1", "OrderApproved", OrderContracts.goldenExample(OrderApproved.class)))
			.contains(new ReservationRequest.Commit(ORDER));
	}

	@Test
	void readsOrderRejectedAndOrderCancelled() {
		assertThat(read("order.events.v1", "OrderRejected", OrderContracts.goldenExample(OrderRejected.class)))
			.contains(new ReservationRequest.Release(ORDER, "order rejected: out of stock: SKU-MOUSE",
					ReleaseTrigger.ORDER_CLOSED));
		assertThat(read("order.events.v1", "OrderCancelled", OrderContracts.goldenExample(OrderCancelled.class)))
			.contains(new ReservationRequest.Release(ORDER, "order cancelled: ordered by mistake",
					ReleaseTrigger.ORDER_CLOSED));
	}

	@Test
	void readsPaymentDeclined() {
		assertThat(read("payment.events.v1", "PaymentDeclined", PaymentContracts.goldenExample(PaymentDeclined.class)))
			.contains(new ReservationRequest.Release(ORDER, "payment declined: insufficient-credit",
					ReleaseTrigger.PAYMENT_DECLINED));
	}

	@Test
	void otherPaymentEventsAskNothing() {
		for (Class<? extends Record> event : PaymentContracts.EVENTS) {
			if (event != PaymentDeclined.class) {
				assertThat(read("payment.events.v1", PaymentContracts.typeOf(event),
						PaymentContracts.goldenExample(event)))
					.as(event.getSimpleName())
					.isEmpty();
			}
		}
	}

	private static Optional<ReservationRequest> read(String topic, String type, String json) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, "251385792545427456", json);
		record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		return InventoryMessages.toRequest(record);
	}

}
