package org.dsmastery.inventory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port against real PostgreSQL, Kafka and Redis; every test
 * class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms",
				"shop.inventory.counters.flush-interval=1s" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA, Infra.REDIS }, database = "inventory")
public @interface InventoryServiceTest {

}
