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
}
