package org.dsmastery.payment.contracts.v1;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Command to payment-service: hold the order's amount on the customer's credit (sent by
 * saga-orchestrator). Answered by {@link PaymentAuthorized} or {@link PaymentDeclined};
 * an order is authorized at most once however often this arrives.
 *
 * @param orderId the order
 * @param customerId whose credit
 * @param amountCents the amount in minor units
 * @param currency ISO 4217 currency
 */
public record AuthorizePayment(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long customerId, long amountCents, String currency) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "AuthorizePayment";

}
