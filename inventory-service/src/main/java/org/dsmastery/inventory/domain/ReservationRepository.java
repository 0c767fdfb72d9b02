package org.dsmastery.inventory.domain;

import java.util.List;
import java.util.Optional;

/**
 * Reservations, one per order.
 */
public interface ReservationRepository {

	/**
	 * Reads a reservation without locking it.
	 * @param orderId the order
	 * @return the reservation, if any
	 */
	Optional<Reservation> find(OrderId orderId);

	/**
	 * Reads and row-locks a reservation until the transaction ends.
	 * @param orderId the order
	 * @return the reservation, if any
	 */
	Optional<Reservation> findForUpdate(OrderId orderId);

	/**
	 * Stores a new reservation with its lines.
	 * @param reservation the reservation
	 * @return {@code false} if the order already has one (nothing is written)
	 */
	boolean insert(Reservation reservation);

	/**
	 * Stores a changed status and reason.
	 * @param reservation the reservation
	 */
	void update(Reservation reservation);

	/**
	 * Returns every reservation, by order id.
	 * @return the reservations
	 */
	List<Reservation> findAll();

}
