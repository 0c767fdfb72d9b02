package org.dsmastery.order.contracts.v1;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Command to order-service: reject a pending order (sent by saga-orchestrator).
 *
 * @param orderId the order
 * @param reason why, for people
 */
public record RejectOrder(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, String reason) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "RejectOrder";

}
