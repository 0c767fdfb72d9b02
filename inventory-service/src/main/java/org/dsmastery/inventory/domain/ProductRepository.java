package org.dsmastery.inventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Products and their stock.
 */
public interface ProductRepository {

	/**
	 * Returns a page of the catalogue, by SKU.
	 * @param after the last SKU of the previous page; {@code null} for the first page
	 * @param limit at most this many products
	 * @return the products after {@code after}
	 */
	List<Product> findPage(Sku after, int limit);

	List<Product> findAll(Collection<Sku> skus);

	Optional<Product> find(Sku sku);

	Optional<StockLevel> stock(Sku sku);

	/**
	 * Creates or updates a product; a new product starts with no stock.
	 * @param product the product
	 * @return {@code true} if it was created
	 */
	boolean save(Product product);

	/**
	 * Adds received units to a product's stock.
	 * @param sku the product
	 * @param quantity units received
	 * @return the new stock level
	 */
	StockLevel restock(Sku sku, long quantity);

}
