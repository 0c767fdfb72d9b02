package org.dsmastery.order.adapter.in.messaging;

import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderLine;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps consumed v1 contracts to the domain's events; contract types stop here.
 */
final class OrderMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OrderMessages() {
	}

	static OrderEvent toDomain(ConsumerRecord<String, String> record) {
		String type = Objects.requireNonNull(IncomingMessages.type(record), "type header");
		return switch (type) {
			case OrderPlaced.TYPE -> {
				OrderPlaced placed = JSON.readValue(record.value(), OrderPlaced.class);
				yield new OrderEvent.OrderPlaced(new OrderId(placed.orderId()), new CustomerId(placed.customerId()),
						placed.lines()
							.stream()
							.map((line) -> new OrderLine(new Sku(line.sku()), line.quantity(),
									new Money(line.unitPriceCents(), placed.currency())))
							.toList(),
						SagaStyle.valueOf(placed.sagaStyle().name()), placed.placedAt());
			}
			case OrderApproved.TYPE -> {
				OrderApproved approved = JSON.readValue(record.value(), OrderApproved.class);
				yield new OrderEvent.OrderApproved(new OrderId(approved.orderId()), approved.approvedAt());
			}
			case OrderRejected.TYPE -> {
				OrderRejected rejected = JSON.readValue(record.value(), OrderRejected.class);
				yield new OrderEvent.OrderRejected(new OrderId(rejected.orderId()), rejected.reason(),
						rejected.rejectedAt());
			}
			case OrderCancelled.TYPE -> {
				OrderCancelled cancelled = JSON.readValue(record.value(), OrderCancelled.class);
				yield new OrderEvent.OrderCancelled(new OrderId(cancelled.orderId()), cancelled.reason(),
						cancelled.cancelledAt());
			}
			default -> throw new IllegalArgumentException("not an order event: " + type);
		};
	}

}
