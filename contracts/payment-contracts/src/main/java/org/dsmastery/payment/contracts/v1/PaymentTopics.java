package org.dsmastery.payment.contracts.v1;

/**
 * Kafka topics owned by payment-service. Never derive topic names from class names.
 */
public final class PaymentTopics {

	/**
	 * Events payment-service publishes: {@link PaymentAuthorized},
	 * {@link PaymentDeclined}, ...
	 */
	public static final String EVENTS = "payment.events.v1";

	/**
	 * Commands payment-service handles: {@link AuthorizePayment}, {@link VoidPayment}.
	 */
	public static final String COMMANDS = "payment.commands.v1";

	private PaymentTopics() {
	}

}
