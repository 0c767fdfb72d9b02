package org.dsmastery.order.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The order could not be fulfilled (out of stock, payment declined, a step timed out).
 * Terminal.
 *
 * @param orderId the order
 * @param reason why, for people
 * @param rejectedAt when
 */
public record OrderRejected(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, String reason,
		Instant rejectedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "OrderRejected";

}
