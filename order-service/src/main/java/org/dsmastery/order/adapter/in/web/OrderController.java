package org.dsmastery.order.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import org.dsmastery.servicedefaults.web.InvalidFieldException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders API. Writes go to the event-sourced aggregate; reads come from the
 * projections, falling back to the event stream for an order the read side has not seen
 * yet.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final OrderService orders;

	private final OrderProjection readSide;

	OrderController(OrderService orders, OrderProjection readSide) {
		this.orders = orders;
		this.readSide = readSide;
	}

	@PostMapping
	ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request) {
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
		return ResponseEntity.accepted()
			.location(URI.create("/api/orders/" + order.id()))
			.body(OrderResponse.of(order));
	}

	@GetMapping("/{orderId}")
	OrderResponse get(@PathVariable long orderId) {
		OrderId id = orderId(orderId);
		return this.readSide.find(id).map(OrderResponse::of).orElseGet(() -> OrderResponse.of(this.orders.get(id)));
	}

	@GetMapping(params = "customerId")
	List<CustomerOrderResponse> byCustomer(@RequestParam long customerId) {
		if (customerId <= 0) {
			throw new InvalidFieldException("customerId", "must be a positive id");
		}
		return this.readSide.byCustomer(new CustomerId(customerId)).stream().map(CustomerOrderResponse::of).toList();
	}

	@GetMapping("/{orderId}/events")
	List<EventResponse> events(@PathVariable long orderId) {
		List<OrderEvent> events = this.orders.history(orderId(orderId));
		return IntStream.range(0, events.size()).mapToObj((i) -> EventResponse.of(events.get(i), i + 1)).toList();
	}

	@PostMapping("/{orderId}/cancel")
	OrderResponse cancel(@PathVariable long orderId, @Valid @RequestBody(required = false) CancelOrderRequest request) {
		String reason = (request != null && request.reason() != null) ? request.reason() : "cancelled by the customer";
		return OrderResponse.of(this.orders.cancel(orderId(orderId), reason));
	}

	@GetMapping("/sales-by-sku")
	List<SkuSalesResponse> salesBySku() {
		return this.readSide.salesBySku().stream().map(SkuSalesResponse::of).toList();
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
