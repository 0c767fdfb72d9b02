package org.dsmastery.order.domain;

import java.util.List;
import java.util.Objects;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param quantity how many, at least 1
 * @param unitPrice the price of one, as inventory quoted it when the order was placed
 */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(unitPrice, "unitPrice");
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
		}
	}

	Money total() {
		return this.unitPrice.times(this.quantity);
	}

	static Money totalOf(List<OrderLine> lines) {
		return lines.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow();
	}

}
