package org.dsmastery.order.domain;

import java.util.Set;

/**
 * Thrown when an order names products inventory does not sell.
 */
public class UnknownSkuException extends RuntimeException {

	private final Set<Sku> skus;

	/**
	 * Creates the exception.
	 * @param skus the unknown products
	 */
	public UnknownSkuException(Set<Sku> skus) {
		super("unknown SKUs: " + skus.stream().map(Sku::code).sorted().toList());
		this.skus = Set.copyOf(skus);
	}

	public Set<Sku> skus() {
		return this.skus;
	}

}
