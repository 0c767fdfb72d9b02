package org.dsmastery.inventory.domain;

import java.util.Objects;

/**
 * Units of one product held for an order.
 *
 * @param sku the product
 * @param quantity units, at least 1
 */
public record ReservationLine(Sku sku, int quantity) {

	public ReservationLine {
		Objects.requireNonNull(sku, "sku");
		if (quantity < 1) {
			throw new IllegalArgumentException("a line holds at least 1 unit of " + sku.code() + ": " + quantity);
		}
	}

}
