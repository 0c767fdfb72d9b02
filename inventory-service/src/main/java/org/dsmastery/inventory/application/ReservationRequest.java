package org.dsmastery.inventory.application;

import java.util.List;
import java.util.Objects;

import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.SagaStyle;

/**
 * What a consumed message asks of the reservation of an order; each message maps to at
 * most one request, whatever its style.
 */
public sealed interface ReservationRequest {

	/**
	 * The order.
	 * @return the order
	 */
	OrderId orderId();

	/**
	 * Reserve every line, all or nothing.
	 *
	 * @param orderId the order
	 * @param lines what to reserve
	 * @param sagaStyle how the order's saga runs
	 */
	record Reserve(OrderId orderId, List<ReservationLine> lines, SagaStyle sagaStyle) implements ReservationRequest {

		public Reserve {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(sagaStyle, "sagaStyle");
			if (lines == null || lines.isEmpty()) {
				throw new IllegalArgumentException("nothing to reserve for order " + orderId);
			}
			lines = List.copyOf(lines);
		}

	}

	/**
	 * Give back what is held.
	 *
	 * @param orderId the order
	 * @param reason why
	 * @param trigger what asks for it
	 */
	record Release(OrderId orderId, String reason, ReleaseTrigger trigger) implements ReservationRequest {

		public Release {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(trigger, "trigger");
		}

	}

	/**
	 * Sell what is held: the order was approved.
	 *
	 * @param orderId the order
	 */
	record Commit(OrderId orderId) implements ReservationRequest {

		public Commit {
			Objects.requireNonNull(orderId, "orderId");
		}

	}

}
