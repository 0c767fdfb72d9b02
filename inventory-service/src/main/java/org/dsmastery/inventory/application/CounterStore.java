package org.dsmastery.inventory.application;

import java.util.Map;
import java.util.Optional;

import org.dsmastery.inventory.domain.Sku;

/**
 * The durable totals of the product counters.
 */
public interface CounterStore {

	/**
	 * Adds counts to the totals.
	 * @param counts the counts per product
	 */
	void add(Map<Sku, ProductCounts> counts);

	/**
	 * Reads the totals of a product.
	 * @param sku the product
	 * @return the totals, empty if never counted
	 */
	Optional<ProductCounts> totals(Sku sku);

}
