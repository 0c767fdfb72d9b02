package org.dsmastery.servicedefaults.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;

/**
 * Publishes {@link CircuitBreakersEndpoint} in services that use resilience4j directly,
 * unless resilience4j's own Spring Boot integration (which has an endpoint of that id) is
 * present.
 */
@AutoConfiguration(after = ResilienceRegistriesAutoConfiguration.class)
@ConditionalOnClass(CircuitBreakerRegistry.class)
@ConditionalOnMissingClass("io.github.resilience4j.springboot3.circuitbreaker.monitoring.endpoint.CircuitBreakerEndpoint")
public class CircuitBreakersEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(CircuitBreakerRegistry.class)
	@ConditionalOnAvailableEndpoint
	CircuitBreakersEndpoint circuitBreakersEndpoint(CircuitBreakerRegistry registry) {
		return new CircuitBreakersEndpoint(registry);
	}

}
