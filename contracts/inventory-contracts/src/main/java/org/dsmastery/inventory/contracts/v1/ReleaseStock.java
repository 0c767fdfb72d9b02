package org.dsmastery.inventory.contracts.v1;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Command to inventory-service: give back an order's open reservation (a saga
 * compensation). Always answered by {@link StockReleased}, also when nothing was
 * reserved; a reservation that arrives later for the same order is then refused.
 *
 * @param orderId the order
 * @param reason why, for people
 */
public record ReleaseStock(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, String reason) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "ReleaseStock";

}
