package org.dsmastery.payment.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The order's amount could not be held; nothing is held.
 *
 * @param orderId the order
 * @param customerId whose credit
 * @param reason a stable code: {@code insufficient-credit}, {@code provider-declined},
 * {@code provider-unavailable} or {@code order-closed}
 * @param declinedAt when
 */
public record PaymentDeclined(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long customerId, String reason, Instant declinedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "PaymentDeclined";

}
