package org.dsmastery.payment.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.application.PaymentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The facts about orders, in both saga styles: {@code OrderPlaced} records the order
 * (amount, saga style), {@code OrderApproved} captures its hold, {@code OrderRejected}
 * and {@code OrderCancelled} void whatever is still held and leave the tombstone. Other
 * types are ignored.
 */
@Component
class OrderEventsListener {

	static final String CONSUMER = "payment-order-events";

	private static final Logger logger = LoggerFactory.getLogger(OrderEventsListener.class);

	private final PaymentService payments;

	OrderEventsListener(PaymentService payments) {
		this.payments = payments;
	}

	@KafkaListener(id = "payment-order-events", topics = OrderTopics.EVENTS, groupId = "payment-service.order-events")
	void on(ConsumerRecord<String, String> record) {
		String type = String.valueOf(IncomingMessages.type(record));
		switch (type) {
			case OrderPlaced.TYPE -> this.payments.recordPlaced(PaymentMessages.orderPlaced(record), cause(record));
			case OrderApproved.TYPE -> this.payments.capture(PaymentMessages.orderApproved(record), cause(record));
			case OrderRejected.TYPE -> {
				PaymentMessages.Voiding voiding = PaymentMessages.orderRejected(record);
				this.payments.voidPayment(voiding.orderId(), voiding.reason(), cause(record), false);
			}
			case OrderCancelled.TYPE -> {
				PaymentMessages.Voiding voiding = PaymentMessages.orderCancelled(record);
				this.payments.voidPayment(voiding.orderId(), voiding.reason(), cause(record), false);
			}
			default -> logger.debug("Ignoring {} on {}", type, record.topic());
		}
	}

	private static ConsumedMessage cause(ConsumerRecord<String, String> record) {
		return IncomingMessages.consumed(CONSUMER, record);
	}

}
