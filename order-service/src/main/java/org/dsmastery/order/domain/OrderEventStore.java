package org.dsmastery.order.domain;

import java.util.List;

/**
 * The event streams of orders: the source of truth for their state.
 */
public interface OrderEventStore {

	/**
	 * Loads the whole stream of an order, oldest first.
	 * @param orderId the order
	 * @return its events; empty if there is no such order
	 */
	List<OrderEvent> load(OrderId orderId);

	/**
	 * Appends events to an order's stream if it is still at {@code expectedVersion}.
	 * @param orderId the order
	 * @param expectedVersion how many events the writer saw (0 for a new order)
	 * @param events the new events
	 * @throws OrderVersionConflictException if another writer appended first
	 */
	void append(OrderId orderId, int expectedVersion, List<OrderEvent> events);

	/**
	 * Replays every event of every order in the order they were appended.
	 * @param visitor receives each event with its version in its order's stream
	 */
	void replayAll(VersionedEventVisitor visitor);

	/**
	 * Receives events with their stream version.
	 */
	@FunctionalInterface
	interface VersionedEventVisitor {

		void visit(OrderEvent event, int version);

	}

}
