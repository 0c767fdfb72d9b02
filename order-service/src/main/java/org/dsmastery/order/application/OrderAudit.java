package org.dsmastery.order.application;

import java.time.Instant;
import java.util.List;

import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderStatus;

/**
 * What the invariant audit reads from order-service, taken from the event store (the
 * source of truth) rather than the read side.
 */
public interface OrderAudit {

	/**
	 * Returns the audit's view of every order.
	 * @return the report
	 */
	Report report();

	/**
	 * The audit's view.
	 *
	 * @param orders every order with its current status
	 * @param projectionBehind orders whose read-side row is older than their last event
	 * @param outboxBacklog messages not yet published
	 */
	record Report(List<AuditedOrder> orders, long projectionBehind, long outboxBacklog) {
	}

	/**
	 * One order as the audit sees it.
	 *
	 * @param orderId the order
	 * @param status its status after its last event
	 * @param placedAt when it was placed
	 * @param changedAt when its last event happened
	 */
	record AuditedOrder(OrderId orderId, OrderStatus status, Instant placedAt, Instant changedAt) {
	}

}
