package org.dsmastery.inventory.domain;

/**
 * Thrown when no product has the given SKU.
 */
public class ProductNotFoundException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param sku the SKU looked for
	 */
	public ProductNotFoundException(Sku sku) {
		super("no product " + sku.code());
	}

}
