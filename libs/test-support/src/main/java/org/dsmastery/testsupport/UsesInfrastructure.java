package org.dsmastery.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.dsmastery.devstack.Infra;

/**
 * Connects a Spring test to real backing services, started once per test JVM and shared
 * by every test class that asks for them: PostgreSQL, Redis and Kafka from Maven
 * artifacts, or from Testcontainers when a Docker engine answers.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "orders")
 * class OrderServiceIntegrationTests { ... }
 * </pre>
 *
 * The test's environment gets {@code spring.datasource.*}, {@code spring.data.redis.*}
 * and {@code spring.kafka.bootstrap-servers} for the services it names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesInfrastructure {

	/**
	 * The backing services the test needs.
	 * @return the services
	 */
	Infra[] value();

	/**
	 * The PostgreSQL database to connect {@code spring.datasource} to; created if
	 * missing.
	 * @return the database name, empty for none
	 */
	String database() default "";

}
