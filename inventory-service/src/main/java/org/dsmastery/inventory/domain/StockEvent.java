package org.dsmastery.inventory.domain;

import java.time.Instant;
import java.util.List;

/**
 * What inventory tells the other participants about a reservation.
 */
public sealed interface StockEvent {

	/**
	 * The order the event is about.
	 * @return the order
	 */
	OrderId orderId();

	/**
	 * When it happened.
	 * @return the time
	 */
	Instant occurredAt();

	/**
	 * Every line of the order is held.
	 *
	 * @param orderId the order
	 * @param lines what is held
	 * @param occurredAt when it was reserved
	 */
	record StockReserved(OrderId orderId, List<ReservationLine> lines, Instant occurredAt) implements StockEvent {

		public StockReserved {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * Nothing of the order is held.
	 *
	 * @param orderId the order
	 * @param reason why
	 * @param unavailableSkus the lines that could not be served
	 * @param occurredAt when
	 */
	record StockRejected(OrderId orderId, String reason, List<Sku> unavailableSkus,
			Instant occurredAt) implements StockEvent {

		public StockRejected {
			unavailableSkus = List.copyOf(unavailableSkus);
		}

	}

	/**
	 * Held units went back to available (0 if nothing was held).
	 *
	 * @param orderId the order
	 * @param releasedUnits units given back
	 * @param reason why
	 * @param occurredAt when
	 */
	record StockReleased(OrderId orderId, long releasedUnits, String reason, Instant occurredAt) implements StockEvent {
	}

	/**
	 * Held units were sold.
	 *
	 * @param orderId the order
	 * @param committedUnits units sold
	 * @param occurredAt when
	 */
	record StockCommitted(OrderId orderId, long committedUnits, Instant occurredAt) implements StockEvent {
	}

}
