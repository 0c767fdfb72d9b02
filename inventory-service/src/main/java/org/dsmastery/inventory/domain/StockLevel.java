package org.dsmastery.inventory.domain;

/**
 * How much of a product there is. Always {@code initial = available + reserved + sold},
 * none negative (invariant 2 of the audit; the database checks it too).
 *
 * @param sku the product
 * @param initial everything ever received
 * @param available free to reserve
 * @param reserved held for pending orders
 * @param sold taken by approved orders
 */
public record StockLevel(Sku sku, long initial, long available, long reserved, long sold) {

	public StockLevel {
		if (available < 0 || reserved < 0 || sold < 0 || initial != available + reserved + sold) {
			throw new IllegalArgumentException("inconsistent stock of " + sku.code() + ": initial " + initial
					+ " != available " + available + " + reserved " + reserved + " + sold " + sold);
		}
	}

}
