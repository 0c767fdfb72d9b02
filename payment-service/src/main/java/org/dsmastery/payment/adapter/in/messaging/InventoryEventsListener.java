package org.dsmastery.payment.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.payment.application.PaymentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The choreographed trigger: {@code StockReserved} of a choreographed order authorizes
 * its payment. One that overtook its {@code OrderPlaced} fails with a transient error and
 * comes back through the retry topics. Other types are ignored.
 */
@Component
class InventoryEventsListener {

	static final String CONSUMER = "payment-inventory-events";

	private static final Logger logger = LoggerFactory.getLogger(InventoryEventsListener.class);

	private final PaymentService payments;

	InventoryEventsListener(PaymentService payments) {
		this.payments = payments;
	}

	@KafkaListener(id = "payment-inventory-events", topics = InventoryTopics.EVENTS,
			groupId = "payment-service.inventory-events")
	void on(ConsumerRecord<String, String> record) {
		String type = String.valueOf(IncomingMessages.type(record));
		if (StockReserved.TYPE.equals(type)) {
			this.payments.authorizeReserved(PaymentMessages.stockReserved(record),
					IncomingMessages.consumed(CONSUMER, record));
		}
		else {
			logger.debug("Ignoring {} on {}", type, record.topic());
		}
	}

}
