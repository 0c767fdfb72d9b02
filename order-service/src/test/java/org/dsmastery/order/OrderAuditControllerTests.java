package org.dsmastery.order;

import java.util.UUID;

import org.dsmastery.audit.contracts.v1.AuditExamples;

import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.http.MediaType;

import org.springframework.web.client.RestClient;

/**
 * {@code GET /api/audit/orders} has the shape of the golden example the invariant audit
 * is tested with.
 */
class OrderAuditControllerTests extends OrderIntegrationTest {

	@Value("${local.server.port}")
	int port;

	@Test
	void answersInTheGoldenShape() {
		RestClient http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
		http.post()
			.uri("/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"42\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}")
			.retrieve()
			.toBodilessEntity();

		String audit = http.get().uri("/api/audit/orders").retrieve().body(String.class);

		AuditExamples.assertSameShape(AuditExamples.golden("orders"), audit);
	}

}
