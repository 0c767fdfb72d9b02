package org.dsmastery.saga.adapter.in.messaging;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.inventory.contracts.v1.StockReleased;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.IdempotentConsumer;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.contracts.v1.SagaStyle;
import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.contracts.v1.PaymentVoided;
import org.dsmastery.saga.application.SagaService;
import org.dsmastery.saga.domain.SagaInput;
import org.dsmastery.saga.domain.SagaLine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the saga from three topics, each message exactly once in effect: order events
 * start sagas and end them, inventory and payment events are the participants' replies.
 * Messages about choreographed orders find no saga and change nothing; event types the
 * saga does not care about are skipped.
 */
@Component
class ParticipantEventsListener {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IdempotentConsumer idempotent;

	private final SagaService sagas;

	ParticipantEventsListener(IdempotentConsumer idempotent, SagaService sagas) {
		this.idempotent = idempotent;
		this.sagas = sagas;
	}

	@KafkaListener(id = "saga-order-events", topics = OrderTopics.EVENTS, groupId = "saga-orchestrator.order-events")
	void onOrderEvent(ConsumerRecord<String, String> record) {
		ConsumedMessage message = IncomingMessages.consumed("saga-order-events", record);
		String messageId = message.messageId();
		this.idempotent.handleOnce(message, () -> {
			switch (String.valueOf(IncomingMessages.type(record))) {
				case OrderPlaced.TYPE -> start(JSON.readValue(record.value(), OrderPlaced.class), messageId);
				case OrderApproved.TYPE -> feed(JSON.readValue(record.value(), OrderApproved.class).orderId(),
						new SagaInput.OrderApproved(), messageId);
				case OrderRejected.TYPE -> {
					OrderRejected rejected = JSON.readValue(record.value(), OrderRejected.class);
					feed(rejected.orderId(), new SagaInput.OrderRejected(rejected.reason()), messageId);
				}
				case OrderCancelled.TYPE -> {
					OrderCancelled cancelled = JSON.readValue(record.value(), OrderCancelled.class);
					feed(cancelled.orderId(), new SagaInput.OrderCancelled(cancelled.reason()), messageId);
				}
				default -> {
					// a newer event type of v1: not part of this saga
				}
			}
		});
	}

	@KafkaListener(id = "saga-inventory-events", topics = InventoryTopics.EVENTS,
			groupId = "saga-orchestrator.inventory-events")
	void onInventoryEvent(ConsumerRecord<String, String> record) {
		ConsumedMessage message = IncomingMessages.consumed("saga-inventory-events", record);
		String messageId = message.messageId();
		this.idempotent.handleOnce(message, () -> {
			switch (String.valueOf(IncomingMessages.type(record))) {
				case StockReserved.TYPE -> feed(JSON.readValue(record.value(), StockReserved.class).orderId(),
						new SagaInput.StockReserved(), messageId);
				case StockRejected.TYPE -> {
					StockRejected rejected = JSON.readValue(record.value(), StockRejected.class);
					feed(rejected.orderId(), new SagaInput.StockRejected(rejected.reason()), messageId);
				}
				case StockReleased.TYPE -> feed(JSON.readValue(record.value(), StockReleased.class).orderId(),
						new SagaInput.StockReleased(), messageId);
				default -> {
					// StockCommitted and newer types: facts after the saga's end
				}
			}
		});
	}

	@KafkaListener(id = "saga-payment-events", topics = PaymentTopics.EVENTS,
			groupId = "saga-orchestrator.payment-events")
	void onPaymentEvent(ConsumerRecord<String, String> record) {
		ConsumedMessage message = IncomingMessages.consumed("saga-payment-events", record);
		String messageId = message.messageId();
		this.idempotent.handleOnce(message, () -> {
			switch (String.valueOf(IncomingMessages.type(record))) {
				case PaymentAuthorized.TYPE -> feed(JSON.readValue(record.value(), PaymentAuthorized.class).orderId(),
						new SagaInput.PaymentAuthorized(), messageId);
				case PaymentDeclined.TYPE -> {
					PaymentDeclined declined = JSON.readValue(record.value(), PaymentDeclined.class);
					feed(declined.orderId(), new SagaInput.PaymentDeclined(declined.reason()), messageId);
				}
				case PaymentVoided.TYPE -> feed(JSON.readValue(record.value(), PaymentVoided.class).orderId(),
						new SagaInput.PaymentVoided(), messageId);
				default -> {
					// PaymentCaptured and newer types: facts after the saga's end
				}
			}
		});
	}

	private void start(OrderPlaced placed, String messageId) {
		if (placed.sagaStyle() != SagaStyle.ORCHESTRATED) {
			return;
		}
		this.sagas.start(placed.orderId(), placed.customerId(), placed.totalCents(), placed.currency(),
				placed.lines().stream().map((line) -> new SagaLine(line.sku(), line.quantity())).toList(), messageId);
	}

	private Optional<?> feed(long orderId, SagaInput input, String messageId) {
		return this.sagas.handle(orderId, input, messageId);
	}

}
