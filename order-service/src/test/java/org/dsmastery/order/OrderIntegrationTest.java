package org.dsmastery.order;

import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What order-service's integration tests share: one application on real HTTP, PostgreSQL
 * and Kafka, whose calls to id-generator and inventory-service reach
 * {@link StubDependencies}. Test classes that extend it share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "orders")
@Import(RecordObservations.class)
abstract class OrderIntegrationTest {

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.id-generator[0].uri", StubDependencies::url);
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", StubDependencies::url);
	}

}
