package org.dsmastery.inventory.contracts.v1;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The order could not be reserved; nothing of it is held.
 *
 * @param orderId the order
 * @param reason why, for people
 * @param unavailableSkus the lines that could not be served (unknown SKU or too few
 * units)
 * @param rejectedAt when
 */
public record StockRejected(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, String reason,
		List<String> unavailableSkus, Instant rejectedAt) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "StockRejected";

}
