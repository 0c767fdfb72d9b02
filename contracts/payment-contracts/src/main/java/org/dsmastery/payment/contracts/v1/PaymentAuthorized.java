package org.dsmastery.payment.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The order's amount is held on the customer's credit.
 *
 * @param orderId the order
 * @param customerId whose credit
 * @param amountCents the held amount in minor units
 * @param currency ISO 4217 currency
 * @param authorizationId the payment provider's reference
 * @param authorizedAt when
 */
public record PaymentAuthorized(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long customerId, long amountCents, String currency,
		String authorizationId, Instant authorizedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "PaymentAuthorized";

}
