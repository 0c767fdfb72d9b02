package org.dsmastery.order.application;

import java.time.Instant;
import java.util.List;

import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderLine;
import org.dsmastery.order.domain.OrderStatus;
import org.dsmastery.order.domain.SagaStyle;

/**
 * An order as the read side shows it.
 *
 * @param orderId the order
 * @param customerId its customer
 * @param status where it stands
 * @param reason why it was rejected or cancelled; {@code null} otherwise
 * @param total its total
 * @param sagaStyle how its saga runs
 * @param lines its lines
 * @param placedAt when it was placed
 * @param updatedAt when it last changed
 * @param version the last event applied
 */
public record OrderView(OrderId orderId, CustomerId customerId, OrderStatus status, String reason, Money total,
		SagaStyle sagaStyle, List<OrderLine> lines, Instant placedAt, Instant updatedAt, int version) {
}
