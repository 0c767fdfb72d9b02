package org.dsmastery.inventory.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.ProductNotFoundException;
import org.dsmastery.inventory.domain.ProductRepository;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockLevel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue: products, their prices (the only prices an order may use) and stock
 * levels. Products are read through the cache (a miss loads from PostgreSQL and fills the
 * cache) and every change is written through to it in the changing transaction; stock
 * levels are always read from PostgreSQL. Reads are counted (write-back counters).
 */
@Service
public class CatalogService {

	private final ProductRepository products;

	private final ProductCache cache;

	private final ProductCounters counters;

	private final TransactionTemplate transactions;

	CatalogService(ProductRepository products, ProductCache cache, ProductCounters counters,
			TransactionTemplate transactions) {
		this.products = products;
		this.cache = cache;
		this.counters = counters;
		this.transactions = transactions;
	}

	/**
	 * Returns a page of the catalogue, from the database.
	 * @param after the previous page's last SKU; {@code null} for the first page
	 * @param limit at most this many products
	 * @return the products by sku
	 */
	public List<Product> page(Sku after, int limit) {
		return this.transactions.execute((status) -> this.products.findPage(after, limit));
	}

	/**
	 * Returns the products among {@code skus} that exist; unknown SKUs are left out. Each
	 * quote is counted.
	 * @param skus the SKUs asked for
	 * @return the known products, by sku
	 */
	public List<Product> prices(Collection<Sku> skus) {
		Map<Sku, Product> found = new TreeMap<>(this.cache.getAll(skus));
		List<Sku> missing = skus.stream().filter((sku) -> !found.containsKey(sku)).toList();
		if (!missing.isEmpty()) {
			List<Product> loaded = this.transactions.execute((status) -> this.products.findAll(missing));
			this.cache.fill(loaded);
			loaded.forEach((product) -> found.put(product.sku(), product));
		}
		this.counters.pricesLookedUp(found.keySet());
		return List.copyOf(found.values());
	}

	/**
	 * Returns a product, counting the view.
	 * @param sku the product
	 * @return the product
	 * @throws ProductNotFoundException if there is none
	 */
	public Product product(Sku sku) {
		Product product = this.cache.get(sku).orElseGet(() -> {
			Product loaded = this.transactions.execute((status) -> this.products.find(sku))
				.orElseThrow(() -> new ProductNotFoundException(sku));
			this.cache.fill(List.of(loaded));
			return loaded;
		});
		this.counters.viewed(sku);
		return product;
	}

	/**
	 * Returns the stock of a product, from the database.
	 * @param sku the product
	 * @return its stock
	 * @throws ProductNotFoundException if there is none
	 */
	public StockLevel stock(Sku sku) {
		Optional<StockLevel> stock = this.transactions.execute((status) -> this.products.stock(sku));
		return stock.orElseThrow(() -> new ProductNotFoundException(sku));
	}

	/**
	 * Creates or updates a product and writes it through to the cache. The cache is
	 * written while the transaction holds the product row, so concurrent changes reach
	 * the cache in commit order; a rollback evicts the entry.
	 * @param product the product
	 * @return {@code true} if it was created
	 * @throws CacheUnavailableException if the cache could not be written (nothing
	 * changes)
	 */
	public boolean save(Product product) {
		Boolean created = this.transactions.execute((status) -> {
			boolean inserted = this.products.save(product);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int completion) {
					if (completion != STATUS_COMMITTED) {
						CatalogService.this.cache.evict(product.sku());
					}
				}
			});
			this.cache.put(product);
			return inserted;
		});
		return Boolean.TRUE.equals(created);
	}

	/**
	 * Adds received units to a product's stock.
	 * @param sku the product
	 * @param quantity units received, at least 1
	 * @return the new stock level
	 */
	public StockLevel restock(Sku sku, long quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("restock at least 1 unit");
		}
		return this.transactions.execute((status) -> {
			this.products.find(sku).orElseThrow(() -> new ProductNotFoundException(sku));
			return this.products.restock(sku, quantity);
		});
	}

}
