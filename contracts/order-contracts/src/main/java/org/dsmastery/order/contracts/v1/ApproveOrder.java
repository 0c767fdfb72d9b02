package org.dsmastery.order.contracts.v1;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Command to order-service: approve a pending order (sent by saga-orchestrator).
 *
 * @param orderId the order
 */
public record ApproveOrder(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "ApproveOrder";

}
