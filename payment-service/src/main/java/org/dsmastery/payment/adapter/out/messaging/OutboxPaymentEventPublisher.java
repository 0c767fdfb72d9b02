package org.dsmastery.payment.adapter.out.messaging;

import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.outbox.Outbox;
import org.dsmastery.payment.application.PaymentEventPublisher;
import org.dsmastery.payment.application.Trigger;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.domain.PaymentEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Publishes payment events on {@value PaymentTopics#EVENTS} through the transactional
 * outbox: key and correlation id the order id, causation id the message answered, and
 * that message's saga id copied.
 */
@Component
class OutboxPaymentEventPublisher implements PaymentEventPublisher {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Outbox outbox;

	OutboxPaymentEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(PaymentEvent event, Trigger trigger) {
		Record contract = PaymentEventContracts.toContract(event);
		String orderId = event.orderId().toString();
		this.outbox.append(OutgoingMessage
			.to(PaymentTopics.EVENTS, orderId, PaymentContracts.typeOf(contract.getClass()), PaymentContracts.VERSION,
					JSON.writeValueAsString(contract))
			.correlationId(orderId)
			.causationId(trigger.messageId())
			.sagaId(trigger.sagaId())
			.occurredAt(event.occurredAt())
			.build());
	}

}
