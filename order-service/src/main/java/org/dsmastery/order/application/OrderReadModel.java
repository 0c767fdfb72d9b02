package org.dsmastery.order.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.Sku;

/**
 * The read side's tables: order view, customer history, sales per SKU, and the position
 * of the consumer that feeds them.
 */
public interface OrderReadModel {

	/**
	 * Applies an event unless the order's view already has it (its version is not newer).
	 * @param event the event
	 * @param version its version in the order's stream
	 * @return {@code true} if the tables changed
	 */
	boolean apply(OrderEvent event, int version);

	/**
	 * Empties the projection tables; the consumer's offsets stay.
	 */
	void clear();

	Optional<OrderView> find(OrderId orderId);

	/**
	 * Returns a page of a customer's order history, newest first.
	 * @param customerId the customer
	 * @param after the key of the last entry of the previous page; {@code null} for the
	 * first page
	 * @param limit at most this many entries
	 * @return the entries after {@code after}
	 */
	List<CustomerOrder> byCustomer(CustomerId customerId, CustomerOrder.Key after, int limit);

	/**
	 * Returns a page of the sales per SKU, by SKU.
	 * @param after the last SKU of the previous page; {@code null} for the first page
	 * @param limit at most this many entries
	 * @return the entries after {@code after}
	 */
	List<SkuSales> salesBySku(Sku after, int limit);

	/**
	 * Returns the next offset to consume per partition of a topic.
	 * @param topic the topic
	 * @return partition to offset; partitions never consumed are absent
	 */
	Map<Integer, Long> offsets(String topic);

	/**
	 * Records the next offset to consume.
	 * @param topic the topic
	 * @param partition the partition
	 * @param nextOffset the offset after the record just applied
	 */
	void saveOffset(String topic, int partition, long nextOffset);

	/**
	 * Lists choreographed orders that are still pending and were placed before a cut-off.
	 * @param placedBefore the cut-off
	 * @param limit at most this many, oldest first
	 * @return their ids
	 */
	List<OrderId> pendingChoreographed(Instant placedBefore, int limit);

}
