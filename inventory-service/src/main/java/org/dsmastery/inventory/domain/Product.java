package org.dsmastery.inventory.domain;

import java.util.Objects;

/**
 * Something inventory sells.
 *
 * @param sku its identity
 * @param name what people call it
 * @param price its current unit price
 */
public record Product(Sku sku, String name, Price price) {

	public Product {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(price, "price");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a product has a name");
		}
	}

}
