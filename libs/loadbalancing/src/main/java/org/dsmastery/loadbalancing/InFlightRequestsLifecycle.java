package org.dsmastery.loadbalancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * Counts requests in flight per instance from the load balancer's own callbacks: the
 * gateway's {@code ReactiveLoadBalancerClientFilter}, {@code @LoadBalanced WebClient}s
 * and the blocking client behind {@code @LoadBalanced RestClient}s all report when a
 * request to a chosen instance starts and when it completes.
 */
public final class InFlightRequestsLifecycle implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

	private final InFlightRequests inFlight;

	/**
	 * Creates the callbacks.
	 * @param inFlight where the counts go
	 */
	public InFlightRequestsLifecycle(InFlightRequests inFlight) {
		this.inFlight = inFlight;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
		return ServiceInstance.class.isAssignableFrom(serverTypeClass);
	}

	@Override
	public void onStart(Request<Object> request) {
	}

	@Override
	public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {
		if (lbResponse != null && lbResponse.hasServer()) {
			this.inFlight.started(request, lbResponse.getServer());
		}
	}

	@Override
	public void onComplete(CompletionContext<Object, ServiceInstance, Object> completionContext) {
		this.inFlight.finished(completionContext.getLoadBalancerRequest());
	}

}
