package org.dsmastery.payment.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An approved order's hold was charged. Terminal: an order is captured at most once.
 *
 * @param orderId the order
 * @param amountCents the charged amount in minor units
 * @param capturedAt when
 */
public record PaymentCaptured(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, long amountCents,
		Instant capturedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "PaymentCaptured";

}
