package org.dsmastery.inventory.adapter.in.web;

import org.dsmastery.audit.contracts.v1.AuditExamples;
import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.inventory.InventoryIntegrationTest;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

/**
 * {@code GET /api/audit/stock} has the shape of the golden example the invariant audit is
 * tested with.
 */
class StockAuditControllerTests extends InventoryIntegrationTest {

	@Test
	void answersInTheGoldenShape() {
		goldenProductsInStock();
		long order = newOrderId();
		send(new GoldenMessage(ReserveStock.class, InventoryTopics.COMMANDS, ReserveStock.TYPE,
				InventoryContracts.VERSION, InventoryContracts.goldenExample(ReserveStock.class)), order, null);
		awaitReservation(order, "RESERVED");

		String audit = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build()
			.get()
			.uri("/api/audit/stock")
			.retrieve()
			.body(String.class);

		AuditExamples.assertSameShape(AuditExamples.golden("stock"), audit);
	}

}
