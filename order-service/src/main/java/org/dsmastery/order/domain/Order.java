package org.dsmastery.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dsmastery.order.domain.OrderEvent.OrderApproved;
import org.dsmastery.order.domain.OrderEvent.OrderCancelled;
import org.dsmastery.order.domain.OrderEvent.OrderPlaced;
import org.dsmastery.order.domain.OrderEvent.OrderRejected;

/**
 * The order aggregate, event sourced: its state is the fold of its events, and every
 * change is a new event, kept in {@link #pendingEvents()} until the application appends
 * it to the store. The aggregate guards its state machine:
 *
 * <pre>
 * PENDING --approve--> APPROVED
 *         --reject---> REJECTED
 *         --cancel---> CANCELLED
 * </pre>
 *
 * Approving an approved order, rejecting a rejected one or cancelling a cancelled one
 * changes nothing (commands may be delivered twice); any other transition out of a
 * terminal state is an {@link OrderStateException}.
 */
public final class Order {

	/** The most lines one order may have. */
	public static final int MAX_LINES = 50;

	/** The longest reason stored for a rejection or cancellation. */
	public static final int MAX_REASON_LENGTH = 500;

	private final List<OrderEvent> pending = new ArrayList<>();

	private OrderId id;

	private CustomerId customerId;

	private List<OrderLine> lines;

	private SagaStyle sagaStyle;

	private OrderStatus status;

	private String reason;

	private Instant placedAt;

	private int version;

	private Order() {
	}

	/**
	 * Places a new order.
	 * @param id its id
	 * @param customerId who orders
	 * @param lines what, priced, one line per SKU
	 * @param sagaStyle how its saga runs
	 * @param now the current time
	 * @return the order, with an {@link OrderPlaced} pending
	 */
	public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, SagaStyle sagaStyle,
			Instant now) {
		Objects.requireNonNull(sagaStyle, "sagaStyle");
		if (lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new IllegalArgumentException("an order has 1 to " + MAX_LINES + " lines, not " + lines.size());
		}
		if (lines.stream().map(OrderLine::sku).distinct().count() != lines.size()) {
			throw new IllegalArgumentException("each SKU appears on one line only");
		}
		if (lines.stream().map((line) -> line.unitPrice().currency()).distinct().count() != 1) {
			throw new IllegalArgumentException("all lines of an order share one currency");
		}
		Order order = new Order();
		order.record(new OrderPlaced(id, customerId, lines, sagaStyle, now));
		return order;
	}

	/**
	 * Rebuilds an order from its stream.
	 * @param events the stream, oldest first, starting with {@link OrderPlaced}
	 * @return the order at the stream's version, with nothing pending
	 */
	public static Order replay(List<OrderEvent> events) {
		if (events.isEmpty() || !(events.getFirst() instanceof OrderPlaced)) {
			throw new IllegalArgumentException("an order stream starts with OrderPlaced");
		}
		Order order = new Order();
		events.forEach(order::apply);
		return order;
	}

	/**
	 * Approves the order.
	 * @param now the current time
	 */
	public void approve(Instant now) {
		if (this.status == OrderStatus.APPROVED) {
			return;
		}
		requirePending("approved");
		record(new OrderApproved(this.id, now));
	}

	/**
	 * Rejects the order.
	 * @param reason why
	 * @param now the current time
	 */
	public void reject(String reason, Instant now) {
		if (this.status == OrderStatus.REJECTED) {
			return;
		}
		requirePending("rejected");
		record(new OrderRejected(this.id, bounded(reason), now));
	}

	/**
	 * Cancels the order on the customer's request.
	 * @param reason why
	 * @param now the current time
	 */
	public void cancel(String reason, Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			return;
		}
		requirePending("cancelled");
		record(new OrderCancelled(this.id, bounded(reason), now));
	}

	/**
	 * Cuts a reason to {@link #MAX_REASON_LENGTH} characters. Reasons also come from
	 * other services' messages (a saga's rejection, a declined payment): refusing a long
	 * one would leave the order pending for good, so it is stored shortened instead.
	 */
	private static String bounded(String reason) {
		return (reason != null && reason.length() > MAX_REASON_LENGTH)
				? reason.substring(0, MAX_REASON_LENGTH - 3) + "..." : reason;
	}

	private void requirePending(String action) {
		if (this.status != OrderStatus.PENDING) {
			throw new OrderStateException(this.id, this.status, action);
		}
	}

	private void record(OrderEvent event) {
		apply(event);
		this.pending.add(event);
	}

	private void apply(OrderEvent event) {
		switch (event) {
			case OrderPlaced placed -> {
				this.id = placed.orderId();
				this.customerId = placed.customerId();
				this.lines = placed.lines();
				this.sagaStyle = placed.sagaStyle();
				this.placedAt = placed.occurredAt();
				this.status = OrderStatus.PENDING;
			}
			case OrderApproved approved -> this.status = OrderStatus.APPROVED;
			case OrderRejected rejected -> {
				this.status = OrderStatus.REJECTED;
				this.reason = rejected.reason();
			}
			case OrderCancelled cancelled -> {
				this.status = OrderStatus.CANCELLED;
				this.reason = cancelled.reason();
			}
		}
		this.version++;
	}

	/**
	 * Returns the events recorded since the order was placed or replayed.
	 * @return the new events, oldest first
	 */
	public List<OrderEvent> pendingEvents() {
		return List.copyOf(this.pending);
	}

	/**
	 * Returns the version the store holds: the stream length without the pending events.
	 * @return the expected version for appending the pending events
	 */
	public int persistedVersion() {
		return this.version - this.pending.size();
	}

	public OrderId id() {
		return this.id;
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public List<OrderLine> lines() {
		return this.lines;
	}

	public SagaStyle sagaStyle() {
		return this.sagaStyle;
	}

	/**
	 * Returns why the order was rejected or cancelled.
	 * @return the reason, or {@code null} for a pending or approved order
	 */
	public String reason() {
		return this.reason;
	}

	public OrderStatus status() {
		return this.status;
	}

	public Instant placedAt() {
		return this.placedAt;
	}

	/**
	 * Returns the stream version including pending events.
	 * @return the version
	 */
	public int version() {
		return this.version;
	}

	/**
	 * Returns the order total.
	 * @return the sum of the lines
	 */
	public Money total() {
		return OrderLine.totalOf(this.lines);
	}

}
