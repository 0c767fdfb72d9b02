package org.dsmastery.order.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderEventStore;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.Sku;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side (CQRS): keeps the read tables in step with {@code order.events.v1}, each
 * event applied in one transaction with the consumer's offset, and can rebuild them from
 * the event store.
 */
@Service
public class OrderProjection {

	private static final Logger logger = LoggerFactory.getLogger(OrderProjection.class);

	private final OrderReadModel readModel;

	private final OrderEventStore store;

	OrderProjection(OrderReadModel readModel, OrderEventStore store) {
		this.readModel = readModel;
		this.store = store;
	}

	/**
	 * Applies one consumed event and moves the consumer's offset past it, atomically.
	 * @param event the event
	 * @param version its stream version
	 * @param topic where it was consumed from
	 * @param partition its partition
	 * @param offset its offset
	 * @return {@code true} if the tables changed, {@code false} for a duplicate
	 */
	@Transactional
	public boolean project(OrderEvent event, int version, String topic, int partition, long offset) {
		boolean changed = this.readModel.apply(event, version);
		this.readModel.saveOffset(topic, partition, offset + 1);
		return changed;
	}

	/**
	 * Replays the whole event store into empty read tables. Offsets are kept: events the
	 * live consumer delivers afterwards are recognised by version and change nothing
	 * twice.
	 * @return how many events were replayed
	 */
	@Transactional
	public int rebuild() {
		int[] count = { 0 };
		this.readModel.clear();
		this.store.replayAll((event, version) -> {
			this.readModel.apply(event, version);
			count[0]++;
		});
		logger.info("Rebuilt the order read model from {} events", count[0]);
		return count[0];
	}

	/**
	 * Returns the offsets the consumer resumes from.
	 * @param topic the topic
	 * @return partition to next offset
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Long> offsets(String topic) {
		return this.readModel.offsets(topic);
	}

	@Transactional(readOnly = true)
	public Optional<OrderView> find(OrderId orderId) {
		return this.readModel.find(orderId);
	}

	/**
	 * Returns a page of a customer's order history, newest first.
	 * @param customerId the customer
	 * @param after the key of the previous page's last entry; {@code null} for the first
	 * page
	 * @param limit at most this many entries
	 * @return the entries
	 */
	@Transactional(readOnly = true)
	public List<CustomerOrder> byCustomer(CustomerId customerId, CustomerOrder.Key after, int limit) {
		return this.readModel.byCustomer(customerId, after, limit);
	}

	/**
	 * Returns a page of the sales per SKU, by SKU.
	 * @param after the previous page's last SKU; {@code null} for the first page
	 * @param limit at most this many entries
	 * @return the entries
	 */
	@Transactional(readOnly = true)
	public List<SkuSales> salesBySku(Sku after, int limit) {
		return this.readModel.salesBySku(after, limit);
	}

}
