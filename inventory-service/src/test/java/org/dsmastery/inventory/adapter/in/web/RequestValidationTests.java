package org.dsmastery.inventory.adapter.in.web;

import org.dsmastery.inventory.config.InventoryProperties;
import org.dsmastery.testsupport.RequestValidation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request records' constraints, read by Hibernate Validator as the service reads
 * them: none is deprecated, and each still applies.
 */
class RequestValidationTests {

	@Test
	void readsTheRequestsAndControllersWithoutADeprecationWarning() {
		assertThat(RequestValidation.violationsWithoutDeprecationWarning(
				new ProductController.ProductRequest("n".repeat(201), 1L, "EURO"),
				ProductController.ProductRequest.class, ProductController.RestockRequest.class, ProductController.class,
				StockAuditController.class, InventoryProperties.class))
			.containsExactlyInAnyOrder("name", "currency");
	}

}
