package org.dsmastery.order.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.dsmastery.order.domain.Order;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderEventStore;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderIds;
import org.dsmastery.order.domain.OrderLine;
import org.dsmastery.order.domain.OrderNotFoundException;
import org.dsmastery.order.domain.OrderStatus;
import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.PriceCatalog;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import org.dsmastery.order.domain.UnknownSkuException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order use cases. Each one loads the aggregate from its stream, asks it to change,
 * and appends the new events together with their outbox messages in one transaction.
 */
@Service
public class OrderService {

	private static final Logger logger = LoggerFactory.getLogger(OrderService.class);

	private final OrderEventStore store;

	private final OrderIds ids;

	private final PriceCatalog prices;

	private final OrderEventPublisher publisher;

	private final Clock clock;

	private final OrderMetrics metrics;

	OrderService(OrderEventStore store, OrderIds ids, PriceCatalog prices, OrderEventPublisher publisher, Clock clock,
			OrderMetrics metrics) {
		this.store = store;
		this.ids = ids;
		this.prices = prices;
		this.publisher = publisher;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Places an order at inventory's current prices.
	 * @param command what to order
	 * @return the placed order, pending
	 * @throws UnknownSkuException if inventory does not know a SKU
	 */
	@Transactional
	public Order place(PlaceOrder command) {
		Set<Sku> skus = command.lines()
			.stream()
			.map(PlaceOrder.Line::sku)
			.collect(Collectors.toCollection(TreeSet::new));
		Map<Sku, Money> quoted = this.prices.prices(skus);
		Set<Sku> unknown = skus.stream().filter((sku) -> !quoted.containsKey(sku)).collect(Collectors.toSet());
		if (!unknown.isEmpty()) {
			throw new UnknownSkuException(unknown);
		}
		List<OrderLine> lines = command.lines()
			.stream()
			.map((line) -> new OrderLine(line.sku(), line.quantity(), quoted.get(line.sku())))
			.toList();
		Order order = Order.place(this.ids.next(), command.customerId(), lines, command.sagaStyle(),
				this.clock.instant());
		save(order, null);
		return order;
	}

	/**
	 * Approves a pending order (the saga's last step).
	 * @param orderId the order
	 * @param causationId the command message, or {@code null}
	 * @return the order
	 */
	@Transactional
	public Order approve(OrderId orderId, String causationId) {
		return change(orderId, causationId, (order) -> order.approve(this.clock.instant()));
	}

	/**
	 * Rejects a pending order.
	 * @param orderId the order
	 * @param reason why
	 * @param causationId the command message, or {@code null}
	 * @return the order
	 */
	@Transactional
	public Order reject(OrderId orderId, String reason, String causationId) {
		return change(orderId, causationId, (order) -> order.reject(reason, this.clock.instant()));
	}

	/**
	 * Cancels a pending order on its customer's request.
	 * @param orderId the order
	 * @param reason why
	 * @return the order
	 */
	/**
	 * Approves a choreographed order when its payment is authorized. Orchestrated orders
	 * wait for saga-orchestrator's {@code ApproveOrder}; an order that is no longer
	 * pending (a timeout rejected it) stays as it is, and the participants close what it
	 * left open.
	 * @param orderId the order
	 * @param causationId the message that caused it
	 * @return {@code true} if the order was approved now
	 */
	@Transactional
	public boolean approveChoreographed(OrderId orderId, String causationId) {
		return decideChoreographed(orderId, causationId, (order) -> order.approve(this.clock.instant()));
	}

	/**
	 * Rejects a choreographed order when its stock or payment was refused, or its saga
	 * took too long.
	 * @param orderId the order
	 * @param reason why
	 * @param causationId the message that caused it; {@code null} for a timeout
	 * @return {@code true} if the order was rejected now
	 */
	@Transactional
	public boolean rejectChoreographed(OrderId orderId, String reason, String causationId) {
		return decideChoreographed(orderId, causationId, (order) -> order.reject(reason, this.clock.instant()));
	}

	@Transactional
	public Order cancel(OrderId orderId, String reason) {
		return change(orderId, null, (order) -> order.cancel(reason, this.clock.instant()));
	}

	/**
	 * Returns an order's current state, from its stream.
	 * @param orderId the order
	 * @return the order
	 * @throws OrderNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Order get(OrderId orderId) {
		return Order.replay(history(orderId));
	}

	/**
	 * Returns an order's event stream.
	 * @param orderId the order
	 * @return its events, oldest first
	 * @throws OrderNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public List<OrderEvent> history(OrderId orderId) {
		List<OrderEvent> events = this.store.load(orderId);
		if (events.isEmpty()) {
			throw new OrderNotFoundException(orderId);
		}
		return events;
	}

	private boolean decideChoreographed(OrderId orderId, String causationId, Consumer<Order> decision) {
		Order order = get(orderId);
		if (order.sagaStyle() != SagaStyle.CHOREOGRAPHED || order.status() != OrderStatus.PENDING) {
			return false;
		}
		decision.accept(order);
		save(order, causationId);
		return true;
	}

	private Order change(OrderId orderId, String causationId, Consumer<Order> change) {
		Order order = get(orderId);
		change.accept(order);
		save(order, causationId);
		return order;
	}

	private void save(Order order, String causationId) {
		List<OrderEvent> events = order.pendingEvents();
		if (events.isEmpty()) {
			return;
		}
		this.store.append(order.id(), order.persistedVersion(), events);
		this.publisher.publish(order.id(), order.persistedVersion() + 1, events, causationId);
		this.metrics.appended(order.sagaStyle(), order.placedAt(), events);
		// the order's story, one line per event, each with its trace (./platform logs
		// --trace)
		events.forEach((event) -> logger.info("Order {}: {}", order.id().value(), describe(event)));
	}

	private static String describe(OrderEvent event) {
		return switch (event) {
			case OrderEvent.OrderPlaced placed ->
				"placed, " + placed.lines().size() + " line(s), " + OrderMetrics.styleOf(placed.sagaStyle());
			case OrderEvent.OrderApproved approved -> "approved";
			case OrderEvent.OrderRejected rejected -> "rejected: " + rejected.reason();
			case OrderEvent.OrderCancelled cancelled -> "cancelled: " + cancelled.reason();
		};
	}

}
