package org.dsmastery.loadbalancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The beans of each service's load-balancer context (Spring Cloud LoadBalancer creates
 * one child context per service id): the strategy the service's settings name, the
 * in-flight counts least-connections needs, and a health-checked instance list. Applied
 * to every service by {@link LoadBalancingAutoConfiguration}; Spring's own
 * {@code LoadBalancerClientConfiguration} beans back off.
 */
@Configuration(proxyBeanMethods = false)
public class LoadBalancingClientConfiguration {

	private static final boolean WEBFLUX_PRESENT = ClassUtils
		.isPresent("org.springframework.web.reactive.function.client.WebClient", null);

	@Bean
	LoadBalancingSettings loadBalancingSettings(Environment environment) {
		return LoadBalancingSettings.of(environment, LoadBalancerClientFactory.getName(environment));
	}

	@Bean
	InFlightRequests inFlightRequests(LoadBalancingSettings settings) {
		return new InFlightRequests(settings.inFlightExpiry());
	}

	@Bean
	InFlightRequestsLifecycle inFlightRequestsLifecycle(InFlightRequests inFlight) {
		return new InFlightRequestsLifecycle(inFlight);
	}

	@Bean
	ReactorLoadBalancer<ServiceInstance> strategyLoadBalancer(Environment environment, LoadBalancingSettings settings,
			LoadBalancerClientFactory factory, InFlightRequests inFlight) {
		String service = LoadBalancerClientFactory.getName(environment);
		var instances = factory.getLazyProvider(service, ServiceInstanceListSupplier.class);
		return switch (settings.strategy()) {
			case ROUND_ROBIN -> new RoundRobinLoadBalancer(instances, service);
			case LEAST_CONNECTIONS -> new LeastConnectionsLoadBalancer(instances, service, inFlight);
			case WEIGHTED -> new WeightedLoadBalancer(instances, service);
			case CONSISTENT_HASH -> new ConsistentHashLoadBalancer(instances, service, settings.hashHeader());
		};
	}

	@Bean
	ServiceInstanceListSupplier healthCheckedInstances(ConfigurableApplicationContext context,
			LoadBalancingSettings settings) {
		// the reactive discovery client when there is one (as Spring's own configuration
		// prefers), the blocking one run on a bounded elastic scheduler otherwise
		boolean reactive = context.getBeanProvider(ReactiveDiscoveryClient.class).getIfAvailable() != null;
		ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder();
		builder = reactive ? builder.withDiscoveryClient() : builder.withBlockingDiscoveryClient();
		if (!settings.healthCheck()) {
			// no cache of its own: the discovery client already holds the registry in
			// memory (service-defaults turns LoadBalancer's cache off, and withCaching()
			// would warn at every start that it has no cache manager)
			return builder.build(context);
		}
		// each instance's actuator on its own management port, with a client of its own:
		// never a @LoadBalanced one, which would balance the checks themselves
		builder = WEBFLUX_PRESENT ? ReactiveHealthChecks.apply(builder)
				: builder.with(ManagementPortHealthChecks.blocking(RestClient.create()));
		return builder.build(context);
	}

	/**
	 * Kept apart so that blocking applications without webflux never load
	 * {@link WebClient}.
	 */
	private static final class ReactiveHealthChecks {

		static ServiceInstanceListSupplierBuilder apply(ServiceInstanceListSupplierBuilder builder) {
			return builder.with(ManagementPortHealthChecks.reactive(WebClient.create()));
		}

	}

}
