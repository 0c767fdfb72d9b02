package org.dsmastery.inventory.adapter.in.messaging;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.application.ReservationService;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the order's facts on {@value OrderTopics#EVENTS}: a choreographed
 * {@code OrderPlaced} reserves, {@code OrderApproved} commits, {@code OrderRejected} and
 * {@code OrderCancelled} release what is still held (the safety net of both styles) and
 * leave a tombstone. Each message takes effect once (its id is recorded with the effect);
 * transient failures go through the retry topics.
 */
@Component
class OrderEventsListener {

	static final String CONSUMER = "inventory-order-events";

	private static final Logger logger = LoggerFactory.getLogger(OrderEventsListener.class);

	private final ReservationService reservations;

	OrderEventsListener(ReservationService reservations) {
		this.reservations = reservations;
	}

	@KafkaListener(id = CONSUMER, topics = OrderTopics.EVENTS, groupId = "inventory-service.order-events")
	void on(ConsumerRecord<String, String> record) {
		Optional<ReservationRequest> request = InventoryMessages.toRequest(record);
		if (request.isEmpty()) {
			logger.trace("Nothing to do for {} {}", record.key(), record.value());
			return;
		}
		this.reservations.handle(request.get(), InventoryMessages.cause(CONSUMER, record));
	}

}
