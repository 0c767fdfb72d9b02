package org.dsmastery.inventory.application;

import java.util.Collection;
import java.util.List;

import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.ProductNotFoundException;
import org.dsmastery.inventory.domain.ProductRepository;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockLevel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: products, their prices (the only prices an order may use) and stock
 * levels.
 */
@Service
public class CatalogService {

	private final ProductRepository products;

	CatalogService(ProductRepository products) {
		this.products = products;
	}

	@Transactional(readOnly = true)
	public List<Product> all() {
		return this.products.findAll();
	}

	/**
	 * Returns the products among {@code skus} that exist; unknown SKUs are left out.
	 * @param skus the SKUs asked for
	 * @return the known products
	 */
	@Transactional(readOnly = true)
	public List<Product> prices(Collection<Sku> skus) {
		return this.products.findAll(skus);
	}

	@Transactional(readOnly = true)
	public Product product(Sku sku) {
		return this.products.find(sku).orElseThrow(() -> new ProductNotFoundException(sku));
	}

	@Transactional(readOnly = true)
	public StockLevel stock(Sku sku) {
		return this.products.stock(sku).orElseThrow(() -> new ProductNotFoundException(sku));
	}

	/**
	 * Creates or updates a product.
	 * @param product the product
	 * @return {@code true} if it was created
	 */
	@Transactional
	public boolean save(Product product) {
		return this.products.save(product);
	}

	/**
	 * Adds received units to a product's stock.
	 * @param sku the product
	 * @param quantity units received, at least 1
	 * @return the new stock level
	 */
	@Transactional
	public StockLevel restock(Sku sku, long quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("restock at least 1 unit");
		}
		product(sku);
		return this.products.restock(sku, quantity);
	}

}
