package org.dsmastery.inventory.domain;

/**
 * Where a reservation stands. Only {@link #RESERVED} holds units; every other status is
 * terminal.
 */
public enum ReservationStatus {

	/** Every line is held: the units moved from available to reserved. */
	RESERVED,

	/** The order was approved: the units moved from reserved to sold. */
	COMMITTED,

	/**
	 * The units went back to available, or the order closed before anything was held (a
	 * tombstone with no lines): a later reservation request is refused.
	 */
	RELEASED,

	/** Some line could not be served; nothing was held. */
	REJECTED

}
