package org.dsmastery.order.adapter.in.web;

import java.util.Map;

import org.dsmastery.order.application.OrderProjection;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the read side.
 */
@RestController
class ProjectionAdminController {

	private final OrderProjection projection;

	ProjectionAdminController(OrderProjection projection) {
		this.projection = projection;
	}

	/**
	 * Empties the read tables and replays the event store into them.
	 * @return how many events were replayed
	 */
	@PostMapping("/api/admin/order-projections/rebuild")
	Map<String, Integer> rebuild() {
		return Map.of("replayedEvents", this.projection.rebuild());
	}

}
