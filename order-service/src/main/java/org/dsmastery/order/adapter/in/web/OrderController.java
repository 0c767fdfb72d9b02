package org.dsmastery.order.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Valid;

import org.dsmastery.order.application.CustomerOrder;
import org.dsmastery.order.application.OrderProjection;
import org.dsmastery.order.application.OrderService;
import org.dsmastery.order.application.PlaceOrder;
import org.dsmastery.order.application.SkuSales;
import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.Order;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderNotFoundException;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import org.dsmastery.servicedefaults.security.Caller;
import org.dsmastery.servicedefaults.web.InvalidFieldException;
import org.dsmastery.servicedefaults.web.paging.Cursors;
import org.dsmastery.servicedefaults.web.paging.InvalidCursorException;
import org.dsmastery.servicedefaults.web.paging.PageResponse;
import org.dsmastery.servicedefaults.web.paging.Paging;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The orders API. Writes go to the event-sourced aggregate; reads come from the
 * projections, falling back to the event stream for an order the read side has not seen
 * yet.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	/** Cursor list names; a new cursor layout gets a new name. */
	private static final String HISTORY = "h1";

	private static final String SALES = "s1";

	/** 9999-12-31T23:59:59Z: PostgreSQL's timestamptz and Java's Instant both hold it. */
	private static final long LATEST_MICROS = 253_402_300_799_000_000L;

	private final OrderService orders;

	private final OrderProjection readSide;

	private final ObservationRegistry observations;

	OrderController(OrderService orders, OrderProjection readSide, ObservationRegistry observations) {
		this.orders = orders;
		this.readSide = readSide;
		this.observations = observations;
	}

	@PostMapping
	ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request, Caller caller) {
		if (!caller.mayActFor(request.customerId())) {
			throw new AccessDeniedException("a shopper places orders for their own customer id only");
		}
		Set<String> skus = request.lines().stream().map(PlaceOrderRequest.Line::sku).collect(Collectors.toSet());
		if (skus.size() != request.lines().size()) {
			throw new InvalidFieldException("lines", "each SKU may appear on one line only");
		}
		Order order = this.orders.place(new PlaceOrder(new CustomerId(Long.parseLong(request.customerId())),
				request.lines()
					.stream()
					.map((line) -> new PlaceOrder.Line(new Sku(line.sku()), line.quantity()))
					.toList(),
				("choreographed".equals(request.sagaStyle())) ? SagaStyle.CHOREOGRAPHED : SagaStyle.ORCHESTRATED));
		tagCurrentObservation(order);
		return ResponseEntity.accepted()
			.location(URI.create("/api/orders/" + order.id()))
			.body(OrderResponse.of(order));
	}

	/**
	 * Puts the new order's id on the request's server Observation, so its span (the root
	 * of the order's trace) can be found by {@code order.id}. High cardinality: a span
	 * tag, never a metric label.
	 */
	private void tagCurrentObservation(Order order) {
		Observation current = this.observations.getCurrentObservation();
		if (current != null) {
			current.highCardinalityKeyValue("order.id", order.id().toString())
				.highCardinalityKeyValue("saga.style", order.sagaStyle().name().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * An order, to its customer, an operator or a service; anyone else is told there is
	 * no such order, so that ids cannot be probed for existence.
	 */
	@GetMapping("/{orderId}")
	OrderResponse get(@PathVariable long orderId, Caller caller) {
		OrderId id = orderId(orderId);
		OrderResponse order = this.readSide.find(id)
			.map(OrderResponse::of)
			.orElseGet(() -> OrderResponse.of(this.orders.get(id)));
		if (!caller.mayActFor(order.customerId())) {
			throw new OrderNotFoundException(id);
		}
		return order;
	}

	/**
	 * A customer's order history, newest first, one page at a time: the cursor names the
	 * customer too, so a cursor of one customer's history cannot page another's.
	 */
	@GetMapping(params = "customerId")
	ResponseEntity<PageResponse<CustomerOrderResponse>> byCustomer(@RequestParam long customerId,
			@RequestParam(required = false) String size, @RequestParam(required = false) String cursor, Caller caller) {
		if (customerId <= 0) {
			throw new InvalidFieldException("customerId", "must be a positive id");
		}
		if (!caller.mayActFor(Long.toString(customerId))) {
			throw new AccessDeniedException("a shopper reads their own order history only");
		}
		int pageSize = Paging.size(size);
		CustomerOrder.Key after = (cursor != null) ? historyKey(cursor, customerId) : null;
		return Paging.page(this.readSide.byCustomer(new CustomerId(customerId), after, pageSize + 1), pageSize,
				(order) -> historyCursor(customerId, order.key()), CustomerOrderResponse::of,
				UriComponentsBuilder.fromPath("/api/orders").queryParam("customerId", customerId));
	}

	/**
	 * Not paged: the state machine bounds an order's stream to two events (placed, then
	 * approved, rejected or cancelled).
	 */
	@GetMapping("/{orderId}/events")
	List<EventResponse> events(@PathVariable long orderId, Caller caller) {
		OrderId id = ownOrder(orderId, caller);
		List<OrderEvent> events = this.orders.history(id);
		return IntStream.range(0, events.size()).mapToObj((i) -> EventResponse.of(events.get(i), i + 1)).toList();
	}

	@PostMapping("/{orderId}/cancel")
	OrderResponse cancel(@PathVariable long orderId, @Valid @RequestBody(required = false) CancelOrderRequest request,
			Caller caller) {
		OrderId id = ownOrder(orderId, caller);
		String reason = (request != null && request.reason() != null) ? request.reason() : "cancelled by the customer";
		return OrderResponse.of(this.orders.cancel(id, reason));
	}

	/**
	 * The order's id if the caller may act on it; an order of another customer is not
	 * found (404), as one that does not exist. Its customer never changes, so the check
	 * holds for what the caller then does with it.
	 */
	private OrderId ownOrder(long orderId, Caller caller) {
		OrderId id = orderId(orderId);
		if (!caller.mayActFor(Long.toString(this.orders.get(id).customerId().value()))) {
			throw new OrderNotFoundException(id);
		}
		return id;
	}

	@GetMapping("/sales-by-sku")
	ResponseEntity<PageResponse<SkuSalesResponse>> salesBySku(@RequestParam(required = false) String size,
			@RequestParam(required = false) String cursor) {
		int pageSize = Paging.size(size);
		Sku after = (cursor != null) ? salesKey(cursor) : null;
		return Paging.page(this.readSide.salesBySku(after, pageSize + 1), pageSize,
				(sales) -> Cursors.encode(SALES, sales.sku().code()), SkuSalesResponse::of,
				UriComponentsBuilder.fromPath("/api/orders/sales-by-sku"));
	}

	private static String historyCursor(long customerId, CustomerOrder.Key key) {
		Instant at = key.placedAt();
		long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
		return Cursors.encode(HISTORY, Long.toString(customerId), Long.toString(micros), key.orderId().toString());
	}

	private static CustomerOrder.Key historyKey(String cursor, long customerId) {
		List<String> key = Cursors.decode(HISTORY, cursor, 3);
		try {
			if (Long.parseLong(key.get(0)) != customerId) {
				throw new InvalidCursorException("the cursor pages another customer's orders");
			}
			long micros = Long.parseLong(key.get(1));
			if (micros < 0 || micros > LATEST_MICROS) {
				throw new InvalidCursorException("the cursor is not one this list issued");
			}
			Instant placedAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
			return new CustomerOrder.Key(placedAt, new OrderId(Long.parseLong(key.get(2))));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursorException("the cursor is not one this list issued");
		}
	}

	private static Sku salesKey(String cursor) {
		try {
			return new Sku(Cursors.decode(SALES, cursor, 1).getFirst());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursorException("the cursor is not one this list issued");
		}
	}

	private static OrderId orderId(long value) {
		if (value <= 0) {
			throw new InvalidFieldException("orderId", "must be a positive id");
		}
		return new OrderId(value);
	}

	record CustomerOrderResponse(String orderId, String status, long totalCents, String currency, Instant placedAt) {

		static CustomerOrderResponse of(CustomerOrder order) {
			return new CustomerOrderResponse(order.orderId().toString(), order.status().name(), order.total().cents(),
					order.total().currency(), order.placedAt());
		}

	}

	record SkuSalesResponse(String sku, long ordered, long sold, long revenueCents, String currency) {

		static SkuSalesResponse of(SkuSales sales) {
			return new SkuSalesResponse(sales.sku().code(), sales.ordered(), sales.sold(), sales.revenueCents(),
					sales.currency());
		}

	}

	record EventResponse(int version, String type, Instant occurredAt, Map<String, Object> data) {

		static EventResponse of(OrderEvent event, int version) {
			Map<String, Object> data = switch (event) {
				case OrderEvent.OrderPlaced placed -> Map.of("customerId", Long.toString(placed.customerId().value()),
						"sagaStyle", placed.sagaStyle().name().toLowerCase(), "lines",
						OrderResponse.LineResponse.of(placed.lines()));
				case OrderEvent.OrderApproved approved -> Map.of();
				case OrderEvent.OrderRejected rejected -> Map.of("reason", rejected.reason());
				case OrderEvent.OrderCancelled cancelled -> Map.of("reason", cancelled.reason());
			};
			return new EventResponse(version, event.getClass().getSimpleName(), event.occurredAt(), data);
		}

	}

}
