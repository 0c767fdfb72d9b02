package org.dsmastery.order;

import java.util.UUID;

import org.dsmastery.audit.contracts.v1.AuditExamples;
import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /api/audit/orders} has the shape of the golden example the invariant audit
 * is tested with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "orders")
class OrderAuditControllerTests {

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.id-generator[0].uri", StubDependencies::url);
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", StubDependencies::url);
	}

	@Test
	void answersInTheGoldenShape() {
		RestClient http = RestClient.create("http://127.0.0.1:" + this.port);
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
