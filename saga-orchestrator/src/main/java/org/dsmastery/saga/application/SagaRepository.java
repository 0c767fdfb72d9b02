package org.dsmastery.saga.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsmastery.saga.domain.PlaceOrderSaga;
import org.dsmastery.saga.domain.SagaState;

/**
 * Where sagas and their history are kept. Every method runs in the caller's transaction.
 */
public interface SagaRepository {

	/**
	 * Stores a new saga.
	 * @param saga the saga
	 * @return {@code false} if the order already has one
	 */
	boolean insert(PlaceOrderSaga saga);

	/**
	 * Loads a saga and locks it until the transaction ends.
	 * @param orderId the saga's order
	 * @return the saga, or empty if the order has none (a choreographed order)
	 */
	Optional<PlaceOrderSaga> lock(long orderId);

	/**
	 * Locks sagas whose deadline passed, skipping those another instance holds.
	 * @param now the current time
	 * @param limit at most this many
	 * @return the sagas
	 */
	List<PlaceOrderSaga> lockOverdue(Instant now, int limit);

	/**
	 * Stores a changed saga.
	 * @param saga the saga
	 */
	void update(PlaceOrderSaga saga);

	/**
	 * Appends to a saga's history.
	 * @param orderId the saga
	 * @param entry what happened
	 */
	void record(long orderId, SagaHistoryEntry entry);

	Optional<SagaView> find(long orderId);

	List<SagaHistoryEntry> history(long orderId);

	/**
	 * Lists sagas newest first (by start, then order id), after a position.
	 * @param state only sagas in this state; {@code null} for all
	 * @param after the last saga of the previous page; {@code null} for the first page
	 * @param limit at most this many
	 * @return the sagas
	 */
	List<SagaView> page(SagaState state, SagaPosition after, int limit);

	/**
	 * Counts sagas per state.
	 * @return the counts, every state present
	 */
	Map<SagaState, Long> countByState();

	/**
	 * Lists running sagas whose deadline passed before {@code before}.
	 * @param before the cut-off
	 * @return their order ids
	 */
	List<Long> overdue(Instant before);

}
