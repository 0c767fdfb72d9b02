package org.dsmastery.order.adapter.in.messaging;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.IdempotentConsumer;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.application.OrderService;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderNotFoundException;
import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * order-service's part of the choreographed saga: it approves a choreographed order on
 * {@code PaymentAuthorized} and rejects it on {@code StockRejected} or
 * {@code PaymentDeclined}. Orchestrated orders ignore these events; saga-orchestrator
 * decides for them.
 */
@Component
class InventoryAndPaymentEventsListener {

	private static final Logger logger = LoggerFactory.getLogger(InventoryAndPaymentEventsListener.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IdempotentConsumer idempotent;

	private final OrderService orders;

	InventoryAndPaymentEventsListener(IdempotentConsumer idempotent, OrderService orders) {
		this.idempotent = idempotent;
		this.orders = orders;
	}

	@KafkaListener(id = "order-choreography-inventory", topics = InventoryTopics.EVENTS,
			groupId = "order-service.choreography-inventory")
	void onInventoryEvent(ConsumerRecord<String, String> record) {
		if (!StockRejected.TYPE.equals(IncomingMessages.type(record))) {
			return;
		}
		handle("order-choreography-inventory", record, (messageId) -> {
			StockRejected rejected = JSON.readValue(record.value(), StockRejected.class);
			this.orders.rejectChoreographed(new OrderId(rejected.orderId()), rejected.reason(), messageId);
		});
	}

	@KafkaListener(id = "order-choreography-payment", topics = PaymentTopics.EVENTS,
			groupId = "order-service.choreography-payment")
	void onPaymentEvent(ConsumerRecord<String, String> record) {
		String type = String.valueOf(IncomingMessages.type(record));
		switch (type) {
			case PaymentAuthorized.TYPE ->
				handle("order-choreography-payment", record,
						(messageId) -> this.orders.approveChoreographed(
								new OrderId(JSON.readValue(record.value(), PaymentAuthorized.class).orderId()),
								messageId));
			case PaymentDeclined.TYPE -> handle("order-choreography-payment", record, (messageId) -> {
				PaymentDeclined declined = JSON.readValue(record.value(), PaymentDeclined.class);
				this.orders.rejectChoreographed(new OrderId(declined.orderId()),
						"payment declined: " + declined.reason(), messageId);
			});
			default -> {
				// PaymentVoided, PaymentCaptured: nothing for the order to decide
			}
		}
	}

	private void handle(String consumer, ConsumerRecord<String, String> record, Consumer<String> effect) {
		ConsumedMessage message = IncomingMessages.consumed(consumer, record);
		try {
			this.idempotent.handleOnce(message, () -> effect.accept(message.messageId()));
		}
		catch (OrderNotFoundException ex) {
			logger.warn("Dropping {} {}: {}", IncomingMessages.type(record), message.messageId(), ex.getMessage());
		}
	}

}
