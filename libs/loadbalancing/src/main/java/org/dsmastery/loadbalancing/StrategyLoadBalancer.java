package org.dsmastery.loadbalancing;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.SelectedInstanceCallback;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * A load balancer that takes the current (health-checked) instance list and lets a
 * strategy pick one; the same for the gateway's reactive calls and for blocking
 * {@code @LoadBalanced RestClient} calls, which go through this very interface.
 */
public abstract class StrategyLoadBalancer implements ReactorServiceInstanceLoadBalancer {

	private final ObjectProvider<ServiceInstanceListSupplier> instances;

	private final String serviceId;

	/**
	 * Creates a load balancer.
	 * @param instances the service's instance list
	 * @param serviceId the service
	 */
	protected StrategyLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances, String serviceId) {
		this.instances = instances;
		this.serviceId = serviceId;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Mono<Response<ServiceInstance>> choose(Request request) {
		ServiceInstanceListSupplier supplier = this.instances.getIfAvailable(NoopServiceInstanceListSupplier::new);
		return supplier.get(request).next().map((list) -> {
			if (list.isEmpty()) {
				return new EmptyResponse();
			}
			ServiceInstance chosen = select(list, request);
			if (supplier instanceof SelectedInstanceCallback callback) {
				callback.selectedServiceInstance(chosen);
			}
			return new DefaultResponse(chosen);
		});
	}

	/**
	 * Picks one of the instances.
	 * @param instances the instances, never empty
	 * @param request the request being balanced
	 * @return the instance
	 */
	@SuppressWarnings("rawtypes")
	protected abstract ServiceInstance select(List<ServiceInstance> instances, Request request);

	/**
	 * Returns the service this balances.
	 * @return the service id
	 */
	public String serviceId() {
		return this.serviceId;
	}

}
