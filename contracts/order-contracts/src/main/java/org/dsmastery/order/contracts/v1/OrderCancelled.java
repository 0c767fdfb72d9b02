package org.dsmastery.order.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The customer cancelled the order before it was decided. Terminal.
 *
 * @param orderId the order
 * @param reason why, as the customer gave it
 * @param cancelledAt when
 */
public record OrderCancelled(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, String reason,
		Instant cancelledAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "OrderCancelled";

}
