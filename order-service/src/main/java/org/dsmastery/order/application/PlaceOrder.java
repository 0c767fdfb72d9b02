package org.dsmastery.order.application;

import java.util.List;

import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;

/**
 * The request to place an order, before prices are known.
 *
 * @param customerId who orders
 * @param lines what and how many
 * @param sagaStyle how the saga runs
 */
public record PlaceOrder(CustomerId customerId, List<Line> lines, SagaStyle sagaStyle) {

	/**
	 * One requested line.
	 *
	 * @param sku the product
	 * @param quantity how many
	 */
	public record Line(Sku sku, int quantity) {
	}

}
