package org.dsmastery.inventory.contracts.v1;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Every line of the order is reserved: the units left {@code available} and are held for
 * the order until it is approved (then sold) or rejected (then released).
 *
 * @param orderId the order
 * @param lines what was reserved
 * @param reservedAt when
 */
public record StockReserved(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, List<StockLine> lines,
		Instant reservedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "StockReserved";

}
