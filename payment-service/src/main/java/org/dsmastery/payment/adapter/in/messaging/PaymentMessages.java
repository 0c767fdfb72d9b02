package org.dsmastery.payment.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.payment.application.AuthorizationRequest;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.VoidPayment;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.PaymentOrder;
import org.dsmastery.payment.domain.SagaStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps consumed v1 contracts to the application's requests; contract types stop here. An
 * unreadable payload is poison ({@link IllegalArgumentException}): it goes to the DLT at
 * once instead of through the retries.
 */
final class PaymentMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PaymentMessages() {
	}

	static AuthorizationRequest authorizePayment(ConsumerRecord<String, String> record) {
		AuthorizePayment command = read(record, AuthorizePayment.class);
		return new AuthorizationRequest(new OrderId(command.orderId()), new CustomerId(command.customerId()),
				new Money(command.amountCents(), command.currency()), SagaStyle.ORCHESTRATED);
	}

	static Voiding voidPayment(ConsumerRecord<String, String> record) {
		VoidPayment command = read(record, VoidPayment.class);
		return new Voiding(new OrderId(command.orderId()), (command.reason() != null) ? command.reason() : "voided");
	}

	static PaymentOrder orderPlaced(ConsumerRecord<String, String> record) {
		OrderPlaced placed = read(record, OrderPlaced.class);
		return new PaymentOrder(new OrderId(placed.orderId()), new CustomerId(placed.customerId()),
				new Money(placed.totalCents(), placed.currency()), SagaStyle.valueOf(placed.sagaStyle().name()), false);
	}

	static OrderId orderApproved(ConsumerRecord<String, String> record) {
		return new OrderId(read(record, OrderApproved.class).orderId());
	}

	static Voiding orderRejected(ConsumerRecord<String, String> record) {
		OrderRejected rejected = read(record, OrderRejected.class);
		return new Voiding(new OrderId(rejected.orderId()), "order rejected: " + rejected.reason());
	}

	static Voiding orderCancelled(ConsumerRecord<String, String> record) {
		OrderCancelled cancelled = read(record, OrderCancelled.class);
		return new Voiding(new OrderId(cancelled.orderId()), "order cancelled: " + cancelled.reason());
	}

	static OrderId stockReserved(ConsumerRecord<String, String> record) {
		return new OrderId(read(record, StockReserved.class).orderId());
	}

	private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
		try {
			return JSON.readValue(record.value(), type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("unreadable " + type.getSimpleName() + " at " + record.topic() + "-"
					+ record.partition() + "@" + record.offset() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Give back an order's hold.
	 *
	 * @param orderId the order
	 * @param reason why, for people
	 */
	record Voiding(OrderId orderId, String reason) {
	}

}
