package org.dsmastery.order.adapter.in.web;

import java.util.List;

import org.dsmastery.testsupport.RequestValidation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request records' constraints, read by Hibernate Validator as the service reads
 * them: none is deprecated, and each still applies.
 */
class RequestValidationTests {

	@Test
	void readsTheRequestsAndControllerWithoutADeprecationWarning() {
		PlaceOrderRequest request = new PlaceOrderRequest("42",
				List.of(new PlaceOrderRequest.Line("SKU-MOUSE", 0), new PlaceOrderRequest.Line("S".repeat(65), 1)),
				null);

		assertThat(RequestValidation.violationsWithoutDeprecationWarning(request, PlaceOrderRequest.class,
				PlaceOrderRequest.Line.class, CancelOrderRequest.class, OrderController.class))
			.as("the lines still cascade")
			.containsExactlyInAnyOrder("lines[0].quantity", "lines[1].sku");
	}

}
