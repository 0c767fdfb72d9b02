package org.dsmastery.payment;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentCaptured;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.contracts.v1.PaymentVoided;
import org.dsmastery.payment.contracts.v1.VoidPayment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden example payment consumes, sent as its producer sends it, is applied by the
 * real listeners: each is answered by the payment event it must cause, so a type name a
 * listener does not match fails here.
 */
class GoldenMessagesTests extends PaymentIntegrationTest {

	private static final GoldenMessage AUTHORIZE_PAYMENT = new GoldenMessage(AuthorizePayment.class,
			PaymentTopics.COMMANDS, AuthorizePayment.TYPE, PaymentContracts.VERSION,
			PaymentContracts.goldenExample(AuthorizePayment.class));

	private static final GoldenMessage VOID_PAYMENT = new GoldenMessage(VoidPayment.class, PaymentTopics.COMMANDS,
			VoidPayment.TYPE, PaymentContracts.VERSION, PaymentContracts.goldenExample(VoidPayment.class));

	/**
	 * The golden {@code OrderPlaced} is orchestrated, whose payment saga-orchestrator
	 * asks for.
	 */
	private static final GoldenMessage CHOREOGRAPHED_ORDER_PLACED = new GoldenMessage(OrderPlaced.class,
			OrderTopics.EVENTS, OrderPlaced.TYPE, OrderContracts.VERSION,
			OrderContracts.goldenExample(OrderPlaced.class).replace("\"orchestrated\"", "\"choreographed\""));

	private static final GoldenMessage STOCK_RESERVED = new GoldenMessage(StockReserved.class, InventoryTopics.EVENTS,
			StockReserved.TYPE, InventoryContracts.VERSION, InventoryContracts.goldenExample(StockReserved.class));

	@Test
	void authorizePaymentHoldsAndVoidPaymentReleases() throws Exception {
		String order = order();

		assertThat(answer(order, PaymentAuthorized.TYPE, send(AUTHORIZE_PAYMENT, order, order)))
			.containsEntry("customerId", "42")
			.containsEntry("amountCents", 12498);
		assertThat(answer(order, PaymentVoided.TYPE, send(VOID_PAYMENT, order, order)))
			.containsEntry("amountCents", 12498)
			.containsEntry("reason", "step timed out: AUTHORIZING_PAYMENT");
	}

	@Test
	void orderPlacedAndStockReservedAuthorizeAndOrderApprovedCaptures() throws Exception {
		String order = order();
		send(CHOREOGRAPHED_ORDER_PLACED, order, null);

		assertThat(answer(order, PaymentAuthorized.TYPE, send(STOCK_RESERVED, order, null)))
			.as("the amount and customer of the OrderPlaced")
			.containsEntry("customerId", "42")
			.containsEntry("amountCents", 12498);
		assertThat(answer(order, PaymentCaptured.TYPE, send(orderEvent(OrderApproved.class), order, null)))
			.containsEntry("amountCents", 12498);
	}

	@Test
	void orderRejectedAndOrderCancelledVoidTheHold() throws Exception {
		String rejected = order();
		String cancelled = order();
		answer(rejected, PaymentAuthorized.TYPE, send(AUTHORIZE_PAYMENT, rejected, rejected));
		answer(cancelled, PaymentAuthorized.TYPE, send(AUTHORIZE_PAYMENT, cancelled, cancelled));

		assertThat(answer(rejected, PaymentVoided.TYPE, send(orderEvent(OrderRejected.class), rejected, null)))
			.containsEntry("amountCents", 12498)
			.containsEntry("reason", "order rejected: out of stock: SKU-MOUSE");
		assertThat(answer(cancelled, PaymentVoided.TYPE, send(orderEvent(OrderCancelled.class), cancelled, null)))
			.containsEntry("amountCents", 12498)
			.containsEntry("reason", "order cancelled: ordered by mistake");
	}

	/**
	 * Sends a golden example about an order as its producer would.
	 * @return the message id
	 */
	private String send(GoldenMessage golden, String order, String sagaId) throws Exception {
		OutgoingMessage message = golden.about(Long.parseLong(order)).sagaId(sagaId).build();
		this.kafka.send(GoldenMessage.record(message)).get(10, TimeUnit.SECONDS);
		return message.messageId().toString();
	}

	/** Waits for the event of a type that answers a message, and returns its payload. */
	private Map<String, Object> answer(String order, String type, String messageId) {
		ConsumerRecord<String, String> event = awaitEvent(order, type);
		assertThat(IncomingMessages.header(event, MessageHeaders.CAUSATION_ID)).isEqualTo(messageId);
		return payload(event);
	}

	private static GoldenMessage orderEvent(Class<? extends Record> event) {
		return new GoldenMessage(event, OrderTopics.EVENTS, OrderContracts.typeOf(event), OrderContracts.VERSION,
				OrderContracts.goldenExample(event));
	}

}
