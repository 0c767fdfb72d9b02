package org.dsmastery.payment.adapter.in.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.payment.application.AuthorizationRequest;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.VoidPayment;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.PaymentOrder;
import org.dsmastery.payment.domain.SagaStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The consumer side of every contract payment-service reads: each golden example maps to
 * the application's request, field for field.
 */
class PaymentMessagesTests {

	private static final OrderId ORDER = new OrderId(251385792545427456L);

	@Test
	void readsAuthorizePayment() {
		AuthorizationRequest request = PaymentMessages
			.authorizePayment(record(PaymentContracts.goldenExample(AuthorizePayment.class), AuthorizePayment.TYPE));

		assertThat(request).isEqualTo(
				new AuthorizationRequest(ORDER, new CustomerId(42), new Money(12498, "EUR"), SagaStyle.ORCHESTRATED));
	}

	@Test
	void readsVoidPayment() {
		PaymentMessages.Voiding voiding = PaymentMessages
			.voidPayment(record(PaymentContracts.goldenExample(VoidPayment.class), VoidPayment.TYPE));

		assertThat(voiding).isEqualTo(new PaymentMessages.Voiding(ORDER, "step timed out: AUTHORIZING_PAYMENT"));
	}

	@Test
	void readsOrderPlaced() {
		PaymentOrder order = PaymentMessages
			.orderPlaced(record(OrderContracts.goldenExample(OrderPlaced.class), OrderPlaced.TYPE));

		assertThat(order).isEqualTo(
				new PaymentOrder(ORDER, new CustomerId(42), new Money(12498, "EUR"), SagaStyle.ORCHESTRATED, false));
	}

	@Test
	void readsOrderApproved() {
		assertThat(PaymentMessages
			.orderApproved(record(OrderContracts.goldenExample(OrderApproved.class), OrderApproved.TYPE)))
			.isEqualTo(ORDER);
	}

	@Test
	void readsOrderRejectedAndOrderCancelled() {
		assertThat(PaymentMessages
			.orderRejected(record(OrderContracts.goldenExample(OrderRejected.class), OrderRejected.TYPE)))
			.isEqualTo(new PaymentMessages.Voiding(ORDER, "order rejected: out of stock: SKU-MOUSE"));
		assertThat(PaymentMessages
			.orderCancelled(record(OrderContracts.goldenExample(OrderCancelled.class), OrderCancelled.TYPE)))
			.isEqualTo(new PaymentMessages.Voiding(ORDER, "order cancelled: ordered by mistake"));
	}

	@Test
	void readsStockReserved() {
		assertThat(PaymentMessages
			.stockReserved(record(InventoryContracts.goldenExample(StockReserved.class), StockReserved.TYPE)))
			.isEqualTo(ORDER);
	}

	@Test
	void anUnreadablePayloadIsPoison() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentMessages.authorizePayment(record("{\"orderId\":", AuthorizePayment.TYPE)));
	}

	private static ConsumerRecord<String, String> record(String json, String type) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 0, "251385792545427456", json);
		record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.MESSAGE_ID, "m-1".getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
