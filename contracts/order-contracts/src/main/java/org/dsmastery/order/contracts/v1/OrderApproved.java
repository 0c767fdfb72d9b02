package org.dsmastery.order.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Stock is reserved and payment authorized: the order is accepted. Terminal.
 *
 * @param orderId the order
 * @param approvedAt when
 */
public record OrderApproved(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, Instant approvedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "OrderApproved";

}
