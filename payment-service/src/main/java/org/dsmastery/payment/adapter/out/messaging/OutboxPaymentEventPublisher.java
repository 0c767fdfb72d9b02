package org.dsmastery.payment.adapter.out.messaging;

import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.outbox.Outbox;
import org.dsmastery.payment.application.PaymentEventPublisher;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.domain.PaymentEvent;

import org.springframework.stereotype.Component;

/**
 * Publishes payment events on {@value PaymentTopics#EVENTS} through the transactional
 * outbox: key and correlation id the order id, causation id the message answered, and
 * that message's saga id copied.
 */
@Component
class OutboxPaymentEventPublisher implements PaymentEventPublisher {

	private final Outbox outbox;

	OutboxPaymentEventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(PaymentEvent event, ConsumedMessage cause) {
		Record contract = PaymentEventContracts.toContract(event);
		this.outbox
			.append(OutgoingMessage
				.ofContract(PaymentTopics.EVENTS, event.orderId().toString(),
						PaymentContracts.typeOf(contract.getClass()), PaymentContracts.VERSION, contract)
				.answering(cause)
				.occurredAt(event.occurredAt())
				.build());
	}

}
