package org.dsmastery.payment.domain;

import java.util.Optional;

/**
 * Stores what payment-service knows of each order. Locking an order's row serializes
 * every payment step of that order (authorize, void, capture), whatever triggered it.
 */
public interface PaymentOrderRepository {

	/**
	 * Finds an order without locking it.
	 * @param orderId the order
	 * @return the order, if seen
	 */
	Optional<PaymentOrder> find(OrderId orderId);

	/**
	 * Records an order from its {@code OrderPlaced}; keeps a tombstone that is already
	 * there.
	 * @param order the order (its {@code closed} flag is ignored)
	 */
	void recordPlaced(PaymentOrder order);

	/**
	 * Creates the order's row if missing, then locks it for the rest of the transaction.
	 * @param orderId the order
	 * @return the order as it is now
	 */
	PaymentOrder lock(OrderId orderId);

	/**
	 * Marks the order closed (the tombstone), creating its row if missing.
	 * @param orderId the order
	 */
	void close(OrderId orderId);

}
