package org.dsmastery.inventory.adapter.out.messaging;

import org.dsmastery.inventory.application.Cause;
import org.dsmastery.inventory.application.StockEventPublisher;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.domain.StockEvent;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.outbox.Outbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Publishes stock events on {@value InventoryTopics#EVENTS} through the transactional
 * outbox: key and correlation id the order id, causation id the answered message, and the
 * answered message's saga id, if it had one.
 */
@Component
class OutboxStockEventPublisher implements StockEventPublisher {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Outbox outbox;

	OutboxStockEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(StockEvent event, Cause cause) {
		Record contract = StockEventContracts.toContract(event);
		String orderId = event.orderId().toString();
		this.outbox.append(OutgoingMessage
			.to(InventoryTopics.EVENTS, orderId, InventoryContracts.typeOf(contract.getClass()),
					InventoryContracts.VERSION, JSON.writeValueAsString(contract))
			.correlationId(orderId)
			.causationId(cause.messageId())
			.sagaId(cause.sagaId())
			.occurredAt(event.occurredAt())
			.build());
	}

}
