package org.dsmastery.loadbalancing;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder.DelegateCreator;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Health checks that ask each instance's actuator where it listens: on the management
 * port the instance registered ({@code management.port} in its discovery metadata, which
 * Spring Cloud's Eureka client adds whenever the actuator has a port of its own), or on
 * the instance's own port when it has none. Spring Cloud LoadBalancer's own checks take
 * one port for every instance ({@code spring.cloud.loadbalancer.health-check.port}),
 * which cannot name one actuator port per instance.
 */
final class ManagementPortHealthChecks {

	/** The metadata key the Eureka client registers the actuator's port under. */
	static final String MANAGEMENT_PORT = "management.port";

	private ManagementPortHealthChecks() {
	}

	/**
	 * Checks with a reactive client: a check never blocks the event loop.
	 * @param client a plain client, never a load-balanced one
	 * @return the list supplier's step
	 */
	static DelegateCreator reactive(WebClient client) {
		return (context, delegate) -> new HealthCheckServiceInstanceListSupplier(delegate,
				context.getBean(LoadBalancerClientFactory.class),
				(instance, path) -> client.get()
					.uri(healthUri(instance, path))
					.exchangeToMono((response) -> Mono.just(HttpStatus.OK.equals(response.statusCode()))));
	}

	/**
	 * Checks with a blocking client, for services without WebFlux.
	 * @param client a plain client, never a load-balanced one
	 * @return the list supplier's step
	 */
	static DelegateCreator blocking(RestClient client) {
		return (context, delegate) -> new HealthCheckServiceInstanceListSupplier(delegate,
				context.getBean(LoadBalancerClientFactory.class),
				(instance, path) -> Mono.fromSupplier(() -> HttpStatus.OK.equals(
						client.get().uri(healthUri(instance, path)).retrieve().toBodilessEntity().getStatusCode())));
	}

	/**
	 * Returns where an instance's health is asked.
	 * @param instance the instance, as discovery lists it
	 * @param path the health path, such as {@code /actuator/health/readiness}
	 * @return the URI on the instance's management port, or on its own port without one
	 */
	static URI healthUri(ServiceInstance instance, String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(instance.getUri()).path(path);
		String managementPort = instance.getMetadata().get(MANAGEMENT_PORT);
		if (managementPort != null && !managementPort.isBlank()) {
			uri.port(Integer.parseInt(managementPort.strip()));
		}
		return uri.build().toUri();
	}

}
