package org.dsmastery.inventory.adapter.in.messaging;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.application.ReservationService;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Releases a choreographed reservation on {@code PaymentDeclined} from
 * {@value PaymentTopics#EVENTS}: the compensation of the choreographed saga. Other
 * payment events ask nothing of inventory. Each message takes effect once (its id is
 * recorded with the effect); transient failures go through the retry topics.
 */
@Component
class PaymentEventsListener {

	static final String CONSUMER = "inventory-payment-events";

	private static final Logger logger = LoggerFactory.getLogger(PaymentEventsListener.class);

	private final ReservationService reservations;

	PaymentEventsListener(ReservationService reservations) {
		this.reservations = reservations;
	}

	@KafkaListener(id = CONSUMER, topics = PaymentTopics.EVENTS, groupId = "inventory-service.payment-events")
	void on(ConsumerRecord<String, String> record) {
		Optional<ReservationRequest> request = InventoryMessages.toRequest(record);
		if (request.isEmpty()) {
			logger.trace("Nothing to do for {} {}", record.key(), record.value());
			return;
		}
		this.reservations.handle(request.get(), InventoryMessages.cause(CONSUMER, record));
	}

}
