package org.dsmastery.inventory.contracts.v1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Command to inventory-service: reserve every line of an order, all or nothing (sent by
 * saga-orchestrator). Answered by {@link StockReserved} or {@link StockRejected}.
 *
 * @param orderId the order
 * @param lines what to reserve
 */
public record ReserveStock(@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId, List<StockLine> lines) {

	/**
	 * The {@code type} header of this message on the wire; never derived from the class
	 * name.
	 */
	public static final String TYPE = "ReserveStock";

}
