package org.dsmastery.loadbalancing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Picks the instance with the fewest requests in flight from this process; ties are
 * broken at random so that idle instances share the load instead of the first one taking
 * it all. A slow instance accumulates requests and gets fewer new ones, which round-robin
 * cannot do.
 * <p>
 * The counts are this process's only: two gateways do not see each other's requests.
 */
public class LeastConnectionsLoadBalancer extends StrategyLoadBalancer {

	private final InFlightRequests inFlight;

	/**
	 * Creates a load balancer.
	 * @param instances the service's instance list
	 * @param serviceId the service
	 * @param inFlight the requests in flight, fed by {@link InFlightRequestsLifecycle}
	 */
	public LeastConnectionsLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances, String serviceId,
			InFlightRequests inFlight) {
		super(instances, serviceId);
		this.inFlight = inFlight;
	}

	@Override
	@SuppressWarnings("rawtypes")
	protected ServiceInstance select(List<ServiceInstance> instances, Request request) {
		ServiceInstance chosen = null;
		int least = Integer.MAX_VALUE;
		int ties = 0;
		for (ServiceInstance instance : instances) {
			int count = this.inFlight.count(instance);
			if (count < least) {
				least = count;
				chosen = instance;
				ties = 1;
			}
			else if (count == least && ThreadLocalRandom.current().nextInt(++ties) == 0) {
				// reservoir sampling: each of the tied instances ends up chosen with
				// probability 1 / ties
				chosen = instance;
			}
		}
		return chosen;
	}

}
