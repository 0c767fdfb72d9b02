package org.dsmastery.order.application;

import java.time.Instant;

import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderStatus;

/**
 * One entry of a customer's order history.
 *
 * @param orderId the order
 * @param status where it stands
 * @param total its total
 * @param placedAt when it was placed
 */
public record CustomerOrder(OrderId orderId, OrderStatus status, Money total, Instant placedAt) {

	/**
	 * Returns where this entry stands in its customer's history.
	 * @return its key
	 */
	public Key key() {
		return new Key(this.placedAt, this.orderId);
	}

	/**
	 * The position of an entry in a customer's history, which lists the newest first: by
	 * placing time, then by order id between orders placed in the same microsecond. Both
	 * never change, so a page that starts after a key never repeats or skips an entry
	 * that existed when the previous page was read.
	 *
	 * @param placedAt when the order was placed, as stored (microseconds)
	 * @param orderId the order
	 */
	public record Key(Instant placedAt, OrderId orderId) {
	}

}
