package org.dsmastery.order.contracts.v1;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An order was placed and awaits its saga: stock, then payment.
 *
 * @param orderId the order
 * @param customerId the customer who placed it
 * @param lines what was ordered, with prices
 * @param totalCents the order total in minor units
 * @param currency ISO 4217 currency of all amounts
 * @param sagaStyle how its saga runs
 * @param placedAt when it was placed
 */
public record OrderPlaced(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long customerId, List<OrderLine> lines, long totalCents,
		String currency, SagaStyle sagaStyle, Instant placedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "OrderPlaced";

}
