package org.dsmastery.inventory.adapter.in.messaging;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.application.ReservationService;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to other services' events, each topic in a consumer group of its own:
 * <ul>
 * <li>the order's facts on {@value OrderTopics#EVENTS}: a choreographed
 * {@code OrderPlaced} reserves, {@code OrderApproved} commits, {@code OrderRejected} and
 * {@code OrderCancelled} release what is still held (the safety net of both styles) and
 * leave a tombstone;</li>
 * <li>{@code PaymentDeclined} on {@value PaymentTopics#EVENTS} releases a choreographed
 * reservation: the compensation of the choreographed saga.</li>
 * </ul>
 * Events that ask nothing of inventory are skipped. Each message takes effect once (its
 * id is recorded with the effect); transient failures go through the retry topics.
 */
@Component
class OrderAndPaymentEventsListener {

	static final String ORDER_EVENTS = "inventory-order-events";

	static final String PAYMENT_EVENTS = "inventory-payment-events";

	private static final Logger logger = LoggerFactory.getLogger(OrderAndPaymentEventsListener.class);

	private final ReservationService reservations;

	OrderAndPaymentEventsListener(ReservationService reservations) {
		this.reservations = reservations;
	}

	@KafkaListener(id = ORDER_EVENTS, topics = OrderTopics.EVENTS, groupId = "inventory-service.order-events")
	void onOrderEvent(ConsumerRecord<String, String> record) {
		handle(ORDER_EVENTS, record);
	}

	@KafkaListener(id = PAYMENT_EVENTS, topics = PaymentTopics.EVENTS, groupId = "inventory-service.payment-events")
	void onPaymentEvent(ConsumerRecord<String, String> record) {
		handle(PAYMENT_EVENTS, record);
	}

	private void handle(String consumer, ConsumerRecord<String, String> record) {
		Optional<ReservationRequest> request = InventoryMessages.toRequest(record);
		if (request.isEmpty()) {
			logger.trace("Nothing to do for {} {}", record.key(), record.value());
			return;
		}
		this.reservations.handle(request.get(), IncomingMessages.consumed(consumer, record));
	}

}
