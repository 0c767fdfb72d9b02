package org.dsmastery.inventory.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.Sku;

/**
 * A cache of products (never of stock: allocation always reads PostgreSQL). Reads fall
 * back to the database on a miss or when the cache is unreachable.
 */
public interface ProductCache {

	/**
	 * Looks a product up.
	 * @param sku the product
	 * @return the cached product, empty on a miss (or if the cache is unreachable)
	 */
	Optional<Product> get(Sku sku);

	/**
	 * Looks products up in one round trip.
	 * @param skus the products
	 * @return the cached ones
	 */
	Map<Sku, Product> getAll(Collection<Sku> skus);

	/**
	 * Fills the cache after a miss, unless an entry appeared meanwhile (a write-through
	 * is newer than what the miss read).
	 * @param products what was read from the database
	 */
	void fill(Collection<Product> products);

	/**
	 * Writes a changed product through to the cache.
	 * @param product the product as the database now holds it
	 * @throws CacheUnavailableException if the cache could not be written
	 */
	void put(Product product);

	/**
	 * Drops an entry; failures are ignored (the entry expires).
	 * @param sku the product
	 */
	void evict(Sku sku);

}
