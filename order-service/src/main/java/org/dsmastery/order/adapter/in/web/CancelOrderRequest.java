package org.dsmastery.order.adapter.in.web;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/orders/{id}/cancel}.
 *
 * @param reason why, optional
 */
record CancelOrderRequest(@Size(max = 500) String reason) {
}
