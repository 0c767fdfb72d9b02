package org.dsmastery.order.adapter.out.messaging;

import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderLine;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.SagaStyle;
import org.dsmastery.order.domain.OrderEvent;

/**
 * Maps the domain's events to the v1 wire contracts.
 */
final class OrderEventContracts {

	private OrderEventContracts() {
	}

	static Record toContract(OrderEvent event) {
		return switch (event) {
			case OrderEvent.OrderPlaced placed -> new OrderPlaced(placed.orderId().value(), placed.customerId().value(),
					placed.lines()
						.stream()
						.map((line) -> new OrderLine(line.sku().code(), line.quantity(), line.unitPrice().cents()))
						.toList(),
					placed.total().cents(), placed.total().currency(), SagaStyle.valueOf(placed.sagaStyle().name()),
					placed.occurredAt());
			case OrderEvent.OrderApproved approved ->
				new OrderApproved(approved.orderId().value(), approved.occurredAt());
			case OrderEvent.OrderRejected rejected ->
				new OrderRejected(rejected.orderId().value(), rejected.reason(), rejected.occurredAt());
			case OrderEvent.OrderCancelled cancelled ->
				new OrderCancelled(cancelled.orderId().value(), cancelled.reason(), cancelled.occurredAt());
		};
	}

}
