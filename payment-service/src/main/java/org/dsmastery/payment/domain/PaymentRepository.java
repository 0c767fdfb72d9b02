package org.dsmastery.payment.domain;

import java.util.List;
import java.util.Optional;

/**
 * Stores payments, one per order.
 */
public interface PaymentRepository {

	/**
	 * Finds an order's payment.
	 * @param orderId the order
	 * @return the payment, if any
	 */
	Optional<Payment> find(OrderId orderId);

	/**
	 * Adds a new payment; fails if the order already has one.
	 * @param payment the payment
	 */
	void insert(Payment payment);

	/**
	 * Writes a payment's status, reason and update time.
	 * @param payment the payment
	 */
	void update(Payment payment);

	/**
	 * Returns every payment.
	 * @return the payments, by order id
	 */
	List<Payment> findAll();

}
