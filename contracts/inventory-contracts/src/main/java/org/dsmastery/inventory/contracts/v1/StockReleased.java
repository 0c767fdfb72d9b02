package org.dsmastery.inventory.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An order's reservation was given back (or there was none to give back).
 *
 * @param orderId the order
 * @param releasedUnits how many units went back to {@code available}; 0 if nothing was
 * held
 * @param reason why, for people
 * @param releasedAt when
 */
public record StockReleased(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, long releasedUnits,
		String reason, Instant releasedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "StockReleased";

}
