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

	/** The longest name; the product table checks it too. */
	public static final int MAX_NAME_LENGTH = 200;

	public Product {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(price, "price");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a product has a name");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("a product name has at most " + MAX_NAME_LENGTH + " characters");
		}
	}

}
