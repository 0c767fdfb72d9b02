package org.dsmastery.inventory;

import java.util.function.Function;

import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.ReleaseStock;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every golden example inventory consumes, sent as its producer sends it, is applied by
 * the real listeners: each changes the order's reservation, so a type name a listener
 * does not match fails here.
 */
class GoldenMessagesTests extends InventoryIntegrationTest {

	private static final GoldenMessage RESERVE_STOCK = command(ReserveStock.class);

	private static final GoldenMessage RELEASE_STOCK = command(ReleaseStock.class);

	/**
	 * The golden {@code OrderPlaced} is orchestrated, which asks nothing of inventory.
	 */
	private static final GoldenMessage CHOREOGRAPHED_ORDER_PLACED = orderEvent(OrderPlaced.class,
			(json) -> json.replace("\"orchestrated\"", "\"choreographed\""));

	private static final GoldenMessage ORDER_APPROVED = orderEvent(OrderApproved.class, Function.identity());

	private static final GoldenMessage ORDER_REJECTED = orderEvent(OrderRejected.class, Function.identity());

	private static final GoldenMessage ORDER_CANCELLED = orderEvent(OrderCancelled.class, Function.identity());

	private static final GoldenMessage PAYMENT_DECLINED = new GoldenMessage(PaymentDeclined.class, PaymentTopics.EVENTS,
			PaymentDeclined.TYPE, PaymentContracts.VERSION, PaymentContracts.goldenExample(PaymentDeclined.class));

	@BeforeEach
	void products() {
		goldenProductsInStock();
	}

	@Test
	void reserveStockReservesAndReleaseStockReleases() {
		long order = newOrderId();

		send(RESERVE_STOCK, order, Long.toString(order));
		awaitReservation(order, "RESERVED");
		send(RELEASE_STOCK, order, Long.toString(order));
		awaitReservation(order, "RELEASED");
	}

	@Test
	void orderPlacedReservesAndPaymentDeclinedReleases() {
		long order = newOrderId();

		send(CHOREOGRAPHED_ORDER_PLACED, order, null);
		awaitReservation(order, "RESERVED");
		send(PAYMENT_DECLINED, order, null);
		awaitReservation(order, "RELEASED");
	}

	@Test
	void orderApprovedCommits() {
		long order = newOrderId();

		send(CHOREOGRAPHED_ORDER_PLACED, order, null);
		awaitReservation(order, "RESERVED");
		send(ORDER_APPROVED, order, null);
		awaitReservation(order, "COMMITTED");
	}

	@Test
	void orderRejectedAndOrderCancelledCloseTheOrder() {
		long rejected = newOrderId();
		long cancelled = newOrderId();

		send(ORDER_REJECTED, rejected, null);
		send(ORDER_CANCELLED, cancelled, null);

		awaitReservation(rejected, "RELEASED");
		awaitReservation(cancelled, "RELEASED");
	}

	private static GoldenMessage command(Class<? extends Record> command) {
		return new GoldenMessage(command, InventoryTopics.COMMANDS, InventoryContracts.typeOf(command),
				InventoryContracts.VERSION, InventoryContracts.goldenExample(command));
	}

	private static GoldenMessage orderEvent(Class<? extends Record> event, Function<String, String> edit) {
		return new GoldenMessage(event, OrderTopics.EVENTS, OrderContracts.typeOf(event), OrderContracts.VERSION,
				edit.apply(OrderContracts.goldenExample(event)));
	}

}
