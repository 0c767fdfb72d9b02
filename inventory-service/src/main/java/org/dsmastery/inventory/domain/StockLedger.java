package org.dsmastery.inventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The stock rows allocation changes. Every write carries the writer's fencing token and
 * is refused, with {@link StaleFencingTokenException}, unless the token is larger than
 * the last one that wrote the row.
 */
public interface StockLedger {

	/**
	 * Reads the current levels.
	 * @param skus the products
	 * @return the level of each known product; unknown ones are left out
	 */
	Map<Sku, StockLevel> levels(Collection<Sku> skus);

	/**
	 * Returns every stock level, by sku.
	 * @return the levels
	 */
	List<StockLevel> all();

	/**
	 * Moves units from available to reserved.
	 * @param sku the product
	 * @param quantity units
	 * @param token the writer's fencing token
	 * @throws StaleFencingTokenException if a newer lock holder wrote the row
	 */
	void reserve(Sku sku, long quantity, long token);

	/**
	 * Moves units from reserved back to available.
	 * @param sku the product
	 * @param quantity units
	 * @param token the writer's fencing token
	 * @throws StaleFencingTokenException if a newer lock holder wrote the row
	 */
	void release(Sku sku, long quantity, long token);

	/**
	 * Moves units from reserved to sold.
	 * @param sku the product
	 * @param quantity units
	 * @param token the writer's fencing token
	 * @throws StaleFencingTokenException if a newer lock holder wrote the row
	 */
	void sell(Sku sku, long quantity, long token);

	/**
	 * Reads the fences: the largest token that wrote each row.
	 * @param skus the products, or {@code null} for every product
	 * @return the fence of each known product
	 */
	Map<Sku, Long> fences(Collection<Sku> skus);

}
