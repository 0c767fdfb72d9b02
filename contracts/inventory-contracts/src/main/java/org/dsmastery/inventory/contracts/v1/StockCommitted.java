package org.dsmastery.inventory.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An approved order's reservation became a sale: the units moved from {@code reserved} to
 * {@code sold}. Terminal for the reservation.
 *
 * @param orderId the order
 * @param committedUnits how many units were sold
 * @param committedAt when
 */
public record StockCommitted(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, long committedUnits,
		Instant committedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "StockCommitted";

}
