package org.dsmastery.order.adapter.out.messaging;

import java.util.List;

import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.order.application.OrderEventPublisher;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Publishes order events on {@value OrderTopics#EVENTS} through the transactional outbox,
 * keyed by order id, with the order id as correlation id and the event's stream version
 * in the {@value #STREAM_VERSION} header.
 */
@Component
class OutboxOrderEventPublisher implements OrderEventPublisher {

	/** The event's version in its order's stream; the read side deduplicates on it. */
	static final String STREAM_VERSION = "stream-version";

	private final Outbox outbox;

	OutboxOrderEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(OrderId orderId, int firstVersion, List<OrderEvent> events, String causationId) {
		int version = firstVersion;
		for (OrderEvent event : events) {
			Record contract = OrderEventContracts.toContract(event);
			this.outbox.append(OutgoingMessage
				.ofContract(OrderTopics.EVENTS, orderId.toString(), OrderContracts.typeOf(contract.getClass()),
						OrderContracts.VERSION, contract)
				.causationId(causationId)
				.occurredAt(event.occurredAt())
				.header(STREAM_VERSION, Integer.toString(version++))
				.build());
		}
	}

}
