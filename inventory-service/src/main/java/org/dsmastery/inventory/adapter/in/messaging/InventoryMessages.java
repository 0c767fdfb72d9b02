package org.dsmastery.inventory.adapter.in.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.application.ReleaseTrigger;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.contracts.v1.ReleaseStock;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.SagaStyle;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps consumed v1 contracts (inventory commands, order events, payment events) to
 * reservation requests; contract types stop here. A message that asks nothing of
 * inventory maps to nothing.
 */
final class InventoryMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private InventoryMessages() {
	}

	static Optional<ReservationRequest> toRequest(ConsumerRecord<String, String> record) {
		String type = Objects.requireNonNull(IncomingMessages.type(record), "type header");
		return switch (type) {
			case ReserveStock.TYPE -> {
				ReserveStock reserve = JSON.readValue(record.value(), ReserveStock.class);
				List<ReservationLine> lines = (reserve.lines() != null) ? reserve.lines()
					.stream()
					.map((line) -> new ReservationLine(new Sku(line.sku()), line.quantity()))
					.toList() : List.of();
				yield Optional
					.of(new ReservationRequest.Reserve(new OrderId(reserve.orderId()), lines, SagaStyle.ORCHESTRATED));
			}
			case ReleaseStock.TYPE -> {
				ReleaseStock release = JSON.readValue(record.value(), ReleaseStock.class);
				yield Optional.of(new ReservationRequest.Release(new OrderId(release.orderId()), release.reason(),
						ReleaseTrigger.COMMAND));
			}
			case OrderPlaced.TYPE -> {
				OrderPlaced placed = JSON.readValue(record.value(), OrderPlaced.class);
				if (placed.sagaStyle() != org.dsmastery.order.contracts.v1.SagaStyle.CHOREOGRAPHED) {
					// saga-orchestrator sends ReserveStock for every other order
					yield Optional.empty();
				}
				yield Optional.of(new ReservationRequest.Reserve(new OrderId(placed.orderId()),
						placed.lines()
							.stream()
							.map((line) -> new ReservationLine(new Sku(line.sku()), line.quantity()))
							.toList(),
						SagaStyle.CHOREOGRAPHED));
			}
			case OrderApproved.TYPE -> Optional.of(new ReservationRequest.Commit(
					new OrderId(JSON.readValue(record.value(), OrderApproved.class).orderId())));
			case OrderRejected.TYPE -> {
				OrderRejected rejected = JSON.readValue(record.value(), OrderRejected.class);
				yield Optional.of(new ReservationRequest.Release(new OrderId(rejected.orderId()),
						"order rejected: " + rejected.reason(), ReleaseTrigger.ORDER_CLOSED));
			}
			case OrderCancelled.TYPE -> {
				OrderCancelled cancelled = JSON.readValue(record.value(), OrderCancelled.class);
				yield Optional.of(new ReservationRequest.Release(new OrderId(cancelled.orderId()),
						"order cancelled: " + cancelled.reason(), ReleaseTrigger.ORDER_CLOSED));
			}
			case PaymentDeclined.TYPE -> {
				PaymentDeclined declined = JSON.readValue(record.value(), PaymentDeclined.class);
				yield Optional.of(new ReservationRequest.Release(new OrderId(declined.orderId()),
						"payment declined: " + declined.reason(), ReleaseTrigger.PAYMENT_DECLINED));
			}
			default -> Optional.empty();
		};
	}

}
