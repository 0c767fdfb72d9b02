package org.dsmastery.inventory.application;

/**
 * How often a product was looked at.
 *
 * @param views reads of the product
 * @param priceLookups price quotes of the product
 */
public record ProductCounts(long views, long priceLookups) {

	/**
	 * Adds two counts.
	 * @param other the other counts
	 * @return the sum
	 */
	public ProductCounts plus(ProductCounts other) {
		return new ProductCounts(this.views + other.views, this.priceLookups + other.priceLookups);
	}

}
