package org.dsmastery.loadbalancing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.dsmastery.consistenthash.ConsistentHashRing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Sends every request with the same key to the same instance, through a
 * {@link ConsistentHashRing} over the current instances (160 points per unit of
 * {@code weight}): when an instance joins or leaves, only the keys it gains or held move,
 * about {@code 1 / n} of them, so per-key caches and affinities mostly survive.
 * <p>
 * The key is a request header ({@code X-Customer-Id} by default), read from the
 * {@link RequestDataContext} the gateway and {@code @LoadBalanced} clients pass to the
 * load balancer. Requests without it go round-robin.
 */
public class ConsistentHashLoadBalancer extends StrategyLoadBalancer {

	static final int POINTS_PER_WEIGHT = 160;

	private final String header;

	private final AtomicInteger position = new AtomicInteger();

	private volatile Snapshot snapshot = new Snapshot(Map.of(), ConsistentHashRing.empty(POINTS_PER_WEIGHT), Map.of());

	/**
	 * Creates a load balancer.
	 * @param instances the service's instance list
	 * @param serviceId the service
	 * @param header the request header whose value is the key
	 */
	public ConsistentHashLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances, String serviceId,
			String header) {
		super(instances, serviceId);
		this.header = header;
	}

	@Override
	@SuppressWarnings("rawtypes")
	protected ServiceInstance select(List<ServiceInstance> instances, Request request) {
		String key = key(request);
		if (key == null) {
			return instances.get(Math.floorMod(this.position.getAndIncrement(), instances.size()));
		}
		Snapshot current = snapshot(instances);
		return current.instances().get(current.ring().route(key).orElseThrow());
	}

	@SuppressWarnings("rawtypes")
	private String key(Request request) {
		if (request != null && request.getContext() instanceof RequestDataContext context) {
			RequestData data = context.getClientRequest();
			if (data != null && data.getHeaders() != null) {
				String value = data.getHeaders().getFirst(this.header);
				return (value != null && !value.isBlank()) ? value : null;
			}
		}
		return null;
	}

	/**
	 * Returns the ring of these instances, rebuilt only when membership or weights
	 * changed: the instance list is re-published every health check.
	 */
	private Snapshot snapshot(List<ServiceInstance> instances) {
		Map<String, Double> weights = new HashMap<>();
		Map<String, ServiceInstance> byKey = new HashMap<>();
		for (ServiceInstance instance : instances) {
			weights.put(Instances.key(instance), Instances.weight(instance));
			byKey.put(Instances.key(instance), instance);
		}
		Snapshot current = this.snapshot;
		if (current.weights().equals(weights)) {
			return current;
		}
		ConsistentHashRing<String> ring = ConsistentHashRing.empty(POINTS_PER_WEIGHT);
		for (Map.Entry<String, Double> entry : weights.entrySet()) {
			ring = ring.with(entry.getKey(), entry.getValue());
		}
		Snapshot rebuilt = new Snapshot(weights, ring, byKey);
		this.snapshot = rebuilt;
		return rebuilt;
	}

	private record Snapshot(Map<String, Double> weights, ConsistentHashRing<String> ring,
			Map<String, ServiceInstance> instances) {
	}

}
