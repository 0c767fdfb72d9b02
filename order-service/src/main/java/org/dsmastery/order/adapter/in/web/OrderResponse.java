package org.dsmastery.order.adapter.in.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dsmastery.order.application.OrderView;
import org.dsmastery.order.domain.Order;
import org.dsmastery.order.domain.OrderLine;

/**
 * An order on the wire. Ids are strings: a Snowflake id does not fit a JavaScript number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderResponse(String orderId, String customerId, String status, String reason, long totalCents, String currency,
		String sagaStyle, List<LineResponse> lines, Instant placedAt, int version) {

	static OrderResponse of(Order order) {
		return new OrderResponse(order.id().toString(), Long.toString(order.customerId().value()),
				order.status().name(), order.reason(), order.total().cents(), order.total().currency(),
				order.sagaStyle().name().toLowerCase(), LineResponse.of(order.lines()), order.placedAt(),
				order.version());
	}

	static OrderResponse of(OrderView view) {
		return new OrderResponse(view.orderId().toString(), Long.toString(view.customerId().value()),
				view.status().name(), view.reason(), view.total().cents(), view.total().currency(),
				view.sagaStyle().name().toLowerCase(), LineResponse.of(view.lines()), view.placedAt(), view.version());
	}

	record LineResponse(String sku, int quantity, long unitPriceCents) {

		static List<LineResponse> of(List<OrderLine> lines) {
			return lines.stream()
				.map((line) -> new LineResponse(line.sku().code(), line.quantity(), line.unitPrice().cents()))
				.toList();
		}

	}

}
