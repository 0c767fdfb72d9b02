package org.dsmastery.payment.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.payment.application.PaymentService;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.contracts.v1.VoidPayment;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The orchestrated triggers: {@link AuthorizePayment} and {@link VoidPayment} from
 * {@value PaymentTopics#COMMANDS}, each answered on {@code payment.events.v1}, each
 * message exactly once in effect (the processed mark commits with the change). Transient
 * failures go through the retry topics.
 */
@Component
class PaymentCommandsListener {

	static final String CONSUMER = "payment-commands";

	private final PaymentService payments;

	PaymentCommandsListener(PaymentService payments) {
		this.payments = payments;
	}

	@KafkaListener(id = "payment-commands", topics = PaymentTopics.COMMANDS, groupId = "payment-service.commands")
	void on(ConsumerRecord<String, String> record) {
		ConsumedMessage cause = IncomingMessages.consumed(CONSUMER, record);
		String type = String.valueOf(IncomingMessages.type(record));
		switch (type) {
			case AuthorizePayment.TYPE -> this.payments.authorize(PaymentMessages.authorizePayment(record), cause);
			case VoidPayment.TYPE -> {
				PaymentMessages.Voiding voiding = PaymentMessages.voidPayment(record);
				this.payments.voidPayment(voiding.orderId(), voiding.reason(), cause, true);
			}
			default -> throw new IllegalArgumentException("not a payment command: " + type);
		}
	}

}
