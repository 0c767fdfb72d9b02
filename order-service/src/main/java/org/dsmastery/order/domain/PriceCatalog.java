package org.dsmastery.order.domain;

import java.util.Map;
import java.util.Set;

/**
 * Current prices, as inventory quotes them. Prices never come from the client.
 */
public interface PriceCatalog {

	/**
	 * Quotes the price of each SKU.
	 * @param skus the products
	 * @return a price per SKU; a SKU inventory does not know is absent
	 * @throws PricesUnavailableException if inventory cannot be asked
	 */
	Map<Sku, Money> prices(Set<Sku> skus);

}
