package org.dsmastery.servicedefaults.resilience;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakersEndpointTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakersEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=circuitbreakers");

	@Test
	void showsEveryBreakerWithItsState() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		registry.circuitBreaker("inventory-service");
		registry.circuitBreaker("id-generator").transitionToOpenState();

		this.contexts.withBean(CircuitBreakerRegistry.class, () -> registry).run((context) -> {
			Map<String, Object> shown = context.getBean(CircuitBreakersEndpoint.class).circuitBreakers();

			assertThat(shown.get("circuitBreakers")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsOnlyKeys("id-generator", "inventory-service")
				.extractingByKey("id-generator")
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("state", CircuitBreaker.State.OPEN.name());
		});
	}

	@Test
	void staysAwayWithoutARegistry() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakersEndpoint.class));
	}

}
