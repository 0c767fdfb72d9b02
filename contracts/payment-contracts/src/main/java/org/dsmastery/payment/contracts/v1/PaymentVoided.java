package org.dsmastery.payment.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An order's hold was given back to the customer's balance (or there was none).
 *
 * @param orderId the order
 * @param amountCents the amount given back; 0 if nothing was held
 * @param reason why, for people
 * @param voidedAt when
 */
public record PaymentVoided(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, long amountCents, String reason,
		Instant voidedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "PaymentVoided";

}
