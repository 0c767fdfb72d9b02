package org.dsmastery.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * What happened to an order: the facts its event stream is made of.
 */
public sealed interface OrderEvent {

	/**
	 * The order the event belongs to.
	 * @return the order id
	 */
	OrderId orderId();

	/**
	 * When it happened.
	 * @return the instant
	 */
	Instant occurredAt();

	/**
	 * An order was placed.
	 *
	 * @param orderId the order
	 * @param customerId who placed it
	 * @param lines what, at which prices
	 * @param sagaStyle how its saga runs
	 * @param occurredAt when
	 */
	record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, SagaStyle sagaStyle,
			Instant occurredAt) implements OrderEvent {

		public OrderPlaced {
			lines = List.copyOf(lines);
		}

		/**
		 * Returns the order total: the sum of the lines, in their one currency.
		 * @return the total
		 */
		public Money total() {
			return OrderLine.totalOf(this.lines);
		}

	}

	/**
	 * The order was approved.
	 *
	 * @param orderId the order
	 * @param occurredAt when
	 */
	record OrderApproved(OrderId orderId, Instant occurredAt) implements OrderEvent {
	}

	/**
	 * The order was rejected.
	 *
	 * @param orderId the order
	 * @param reason why
	 * @param occurredAt when
	 */
	record OrderRejected(OrderId orderId, String reason, Instant occurredAt) implements OrderEvent {
	}

	/**
	 * The order was cancelled by its customer.
	 *
	 * @param orderId the order
	 * @param reason why
	 * @param occurredAt when
	 */
	record OrderCancelled(OrderId orderId, String reason, Instant occurredAt) implements OrderEvent {
	}

}
