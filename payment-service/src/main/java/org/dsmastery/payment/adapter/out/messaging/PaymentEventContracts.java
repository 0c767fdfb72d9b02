package org.dsmastery.payment.adapter.out.messaging;

import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentCaptured;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentVoided;
import org.dsmastery.payment.domain.PaymentEvent;

/**
 * Maps the domain's events to the v1 wire contracts.
 */
final class PaymentEventContracts {

	private PaymentEventContracts() {
	}

	static Record toContract(PaymentEvent event) {
		return switch (event) {
			case PaymentEvent.PaymentAuthorized authorized -> new PaymentAuthorized(authorized.orderId().value(),
					authorized.customerId().value(), authorized.amount().cents(), authorized.amount().currency(),
					authorized.authorizationId(), authorized.occurredAt());
			case PaymentEvent.PaymentDeclined declined -> new PaymentDeclined(declined.orderId().value(),
					declined.customerId().value(), declined.reason(), declined.occurredAt());
			case PaymentEvent.PaymentVoided voided ->
				new PaymentVoided(voided.orderId().value(), voided.amountCents(), voided.reason(), voided.occurredAt());
			case PaymentEvent.PaymentCaptured captured ->
				new PaymentCaptured(captured.orderId().value(), captured.amountCents(), captured.occurredAt());
		};
	}

}
