package org.dsmastery.order.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dsmastery.order.application.OrderAudit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the invariant audit reads from order-service: every order's status from the event
 * store, how far the read side is behind, and the outbox backlog. Ids are strings.
 */
@RestController
class OrderAuditController {

	private final OrderAudit audit;

	OrderAuditController(OrderAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit/orders")
	Map<String, Object> audit() {
		OrderAudit.Report report = this.audit.report();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("orders",
				report.orders()
					.stream()
					.map((order) -> Map.of("orderId", order.orderId().toString(), "status", order.status().name(),
							"placedAt", order.placedAt().toString(), "changedAt", order.changedAt().toString()))
					.toList());
		body.put("projectionBehind", report.projectionBehind());
		body.put("outboxBacklog", report.outboxBacklog());
		return body;
	}

}
