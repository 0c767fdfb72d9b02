package org.dsmastery.payment.domain;

import java.time.Instant;

/**
 * What happened to a payment, as payment-service tells the other services.
 */
public sealed interface PaymentEvent {

	/**
	 * Returns the order the event is about.
	 * @return the order
	 */
	OrderId orderId();

	/**
	 * Returns when it happened.
	 * @return the instant
	 */
	Instant occurredAt();

	/**
	 * The amount is held.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param amount the held amount
	 * @param authorizationId the provider's reference
	 * @param occurredAt when
	 */
	record PaymentAuthorized(OrderId orderId, CustomerId customerId, Money amount, String authorizationId,
			Instant occurredAt) implements PaymentEvent {
	}

	/**
	 * Nothing is held.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason a {@link DeclineReason}
	 * @param occurredAt when
	 */
	record PaymentDeclined(OrderId orderId, CustomerId customerId, String reason,
			Instant occurredAt) implements PaymentEvent {
	}

	/**
	 * The hold was given back (or there was none: amount 0).
	 *
	 * @param orderId the order
	 * @param amountCents the amount given back
	 * @param reason why, for people
	 * @param occurredAt when
	 */
	record PaymentVoided(OrderId orderId, long amountCents, String reason, Instant occurredAt) implements PaymentEvent {
	}

	/**
	 * The hold was charged.
	 *
	 * @param orderId the order
	 * @param amountCents the charged amount
	 * @param occurredAt when
	 */
	record PaymentCaptured(OrderId orderId, long amountCents, Instant occurredAt) implements PaymentEvent {
	}

}
