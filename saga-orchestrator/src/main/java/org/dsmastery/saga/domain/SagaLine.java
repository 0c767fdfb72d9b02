package org.dsmastery.saga.domain;

/**
 * A line of the order whose stock the saga reserves.
 *
 * @param sku the product
 * @param quantity units, at least 1
 */
public record SagaLine(String sku, int quantity) {

	public SagaLine {
		if (sku == null || sku.isBlank() || quantity < 1) {
			throw new IllegalArgumentException("a saga line needs a sku and a quantity >= 1");
		}
	}

}
