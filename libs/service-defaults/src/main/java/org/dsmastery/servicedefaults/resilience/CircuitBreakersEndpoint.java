package org.dsmastery.servicedefaults.resilience;

import java.util.Map;
import java.util.TreeMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/circuitbreakers}: every circuit breaker of the service with its state
 * and the numbers that decide it, so an operator sees at once which dependency is cut
 * off.
 *
 * <pre>
 * {"circuitBreakers":{"inventory-service":{"state":"CLOSED","failureRate":-1.0,"bufferedCalls":3,
 *   "failedCalls":0,"slowCalls":0,"notPermittedCalls":0}}}
 * </pre>
 *
 * A failure rate of {@code -1} means too few calls to judge yet.
 */
@Endpoint(id = "circuitbreakers")
public class CircuitBreakersEndpoint {

	private final CircuitBreakerRegistry registry;

	public CircuitBreakersEndpoint(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@ReadOperation
	public Map<String, Object> circuitBreakers() {
		Map<String, Object> breakers = new TreeMap<>();
		for (CircuitBreaker breaker : this.registry.getAllCircuitBreakers()) {
			CircuitBreaker.Metrics metrics = breaker.getMetrics();
			breakers.put(breaker.getName(),
					Map.of("state", breaker.getState().name(), "failureRate", metrics.getFailureRate(), "bufferedCalls",
							metrics.getNumberOfBufferedCalls(), "failedCalls", metrics.getNumberOfFailedCalls(),
							"slowCalls", metrics.getNumberOfSlowCalls(), "notPermittedCalls",
							metrics.getNumberOfNotPermittedCalls()));
		}
		return Map.of("circuitBreakers", breakers);
	}

}
