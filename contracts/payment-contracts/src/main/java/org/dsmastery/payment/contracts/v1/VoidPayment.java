package org.dsmastery.payment.contracts.v1;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Command to payment-service: give back an order's held amount (a saga compensation).
 * Always answered by {@link PaymentVoided}, also when nothing was held; an authorization
 * that arrives later for the same order is then declined.
 *
 * @param orderId the order
 * @param reason why, for people
 */
public record VoidPayment(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, String reason) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "VoidPayment";

}
