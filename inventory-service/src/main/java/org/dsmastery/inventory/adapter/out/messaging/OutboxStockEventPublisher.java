package org.dsmastery.inventory.adapter.out.messaging;

import org.dsmastery.inventory.application.StockEventPublisher;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.domain.StockEvent;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Publishes stock events on {@value InventoryTopics#EVENTS} through the transactional
 * outbox: key and correlation id the order id, causation id the answered message, and the
 * answered message's saga id, if it had one.
 */
@Component
class OutboxStockEventPublisher implements StockEventPublisher {

	private final Outbox outbox;

	OutboxStockEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(StockEvent event, ConsumedMessage cause) {
		Record contract = StockEventContracts.toContract(event);
		this.outbox.append(OutgoingMessage
			.ofContract(InventoryTopics.EVENTS, event.orderId().toString(),
					InventoryContracts.typeOf(contract.getClass()), InventoryContracts.VERSION, contract)
			.answering(cause)
			.occurredAt(event.occurredAt())
			.build());
	}

}
