package org.dsmastery.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What inventory holds for one order, all or nothing, and the state machine that ends it:
 * {@code RESERVED -> COMMITTED} when the order is approved, {@code RESERVED -> RELEASED}
 * when it is rejected, cancelled or compensated. A reservation that was never made ends
 * as {@code REJECTED} (nothing held) or as a {@code RELEASED} tombstone with no lines
 * (the order closed first), and a later request to reserve for the order is refused.
 *
 * @param orderId the order, one reservation per order
 * @param status where it stands
 * @param sagaStyle how the order's saga runs, {@code null} for a tombstone whose order
 * was never seen
 * @param lines the units held (or once held); empty if nothing ever was
 * @param reason why it was rejected or released, {@code null} otherwise
 * @param unavailableSkus for a rejection: the lines that could not be served
 * @param createdAt when it was decided
 * @param updatedAt when its status last changed
 */
public record Reservation(OrderId orderId, ReservationStatus status, SagaStyle sagaStyle, List<ReservationLine> lines,
		String reason, List<Sku> unavailableSkus, Instant createdAt, Instant updatedAt) {

	/** The reason of a refusal for an order that has closed. */
	public static final String ORDER_CLOSED = "order-closed";

	public Reservation {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(status, "status");
		lines = List.copyOf(lines);
		unavailableSkus = List.copyOf(unavailableSkus);
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	/**
	 * A reservation holding every line.
	 * @param orderId the order
	 * @param sagaStyle its saga style
	 * @param lines what is held, one line per sku
	 * @param now the time
	 * @return the reservation
	 */
	public static Reservation reserved(OrderId orderId, SagaStyle sagaStyle, List<ReservationLine> lines, Instant now) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("a reservation holds at least one line");
		}
		return new Reservation(orderId, ReservationStatus.RESERVED, sagaStyle, lines, null, List.of(), now, now);
	}

	/**
	 * A refused reservation: nothing is held.
	 * @param orderId the order
	 * @param sagaStyle its saga style
	 * @param unavailable the lines that could not be served (unknown or too few units)
	 * @param now the time
	 * @return the reservation
	 */
	public static Reservation rejected(OrderId orderId, SagaStyle sagaStyle, List<Sku> unavailable, Instant now) {
		return new Reservation(orderId, ReservationStatus.REJECTED, sagaStyle, List.of(), outOfStock(unavailable),
				unavailable, now, now);
	}

	/**
	 * The mark of an order that closed before anything was reserved for it.
	 * @param orderId the order
	 * @param sagaStyle its saga style, if known
	 * @param reason why it closed
	 * @param now the time
	 * @return the tombstone
	 */
	public static Reservation tombstone(OrderId orderId, SagaStyle sagaStyle, String reason, Instant now) {
		return new Reservation(orderId, ReservationStatus.RELEASED, sagaStyle, List.of(), reason, List.of(), now, now);
	}

	/**
	 * The reason of a rejection for lack of stock.
	 * @param unavailable the skus that could not be served
	 * @return the reason, for people
	 */
	public static String outOfStock(List<Sku> unavailable) {
		return "out of stock: " + String.join(", ", unavailable.stream().map(Sku::code).toList());
	}

	/**
	 * Gives the held units back.
	 * @param why the reason
	 * @param now the time
	 * @return the released reservation
	 * @throws IllegalStateException unless it is {@code RESERVED}
	 */
	public Reservation release(String why, Instant now) {
		requireReserved("release");
		return new Reservation(this.orderId, ReservationStatus.RELEASED, this.sagaStyle, this.lines, why,
				this.unavailableSkus, this.createdAt, now);
	}

	/**
	 * Turns the held units into a sale.
	 * @param now the time
	 * @return the committed reservation
	 * @throws IllegalStateException unless it is {@code RESERVED}
	 */
	public Reservation commit(Instant now) {
		requireReserved("commit");
		return new Reservation(this.orderId, ReservationStatus.COMMITTED, this.sagaStyle, this.lines, this.reason,
				this.unavailableSkus, this.createdAt, now);
	}

	/**
	 * Tells whether units are held.
	 * @return {@code true} if {@code RESERVED}
	 */
	public boolean holdsStock() {
		return this.status == ReservationStatus.RESERVED;
	}

	/**
	 * Returns the skus of its lines.
	 * @return the skus
	 */
	public List<Sku> skus() {
		return this.lines.stream().map(ReservationLine::sku).toList();
	}

	/**
	 * Returns the units of all lines.
	 * @return the sum of the quantities
	 */
	public long units() {
		return this.lines.stream().mapToLong(ReservationLine::quantity).sum();
	}

	private void requireReserved(String operation) {
		if (this.status != ReservationStatus.RESERVED) {
			throw new IllegalStateException(
					"cannot " + operation + " the " + this.status + " reservation of order " + this.orderId);
		}
	}

}
