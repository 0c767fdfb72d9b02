package org.dsmastery.inventory.application;

import java.util.Collection;
import java.util.Map;

import org.dsmastery.inventory.domain.Sku;

/**
 * Fast, loss-tolerant counters (write-back): incremented in memory of the cache server,
 * drained to the database now and then.
 */
public interface ProductCounters {

	/**
	 * Counts a read of a product; never fails the caller.
	 * @param sku the product
	 */
	void viewed(Sku sku);

	/**
	 * Counts a price quote of each product; never fails the caller.
	 * @param skus the products
	 */
	void pricesLookedUp(Collection<Sku> skus);

	/**
	 * Takes every count accumulated so far, atomically: later increments start from 0.
	 * @return the counts per product
	 */
	Map<Sku, ProductCounts> drain();

	/**
	 * Puts drained counts back after they could not be stored.
	 * @param counts the counts
	 */
	void restore(Map<Sku, ProductCounts> counts);

}
