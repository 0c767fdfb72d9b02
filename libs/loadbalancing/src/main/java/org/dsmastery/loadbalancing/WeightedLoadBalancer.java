package org.dsmastery.loadbalancing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Smooth weighted round-robin (as nginx does it): each pick adds every instance's weight
 * to its running score, takes the highest score and subtracts the total weight from it.
 * Over any run of {@code total weight} picks each instance gets exactly its share, and
 * the picks interleave (weights 3:1 give A A B A, not A A A B), so the heavy instance
 * never receives a burst.
 * <p>
 * Weights come from each instance's {@code weight} metadata (Eureka:
 * {@code eureka.instance.metadata-map.weight}; simple discovery:
 * {@code spring.cloud.discovery.client.simple.instances.<service>[i].metadata.weight}),
 * default 1.
 */
public class WeightedLoadBalancer extends StrategyLoadBalancer {

	private final Map<String, Double> scores = new HashMap<>();

	/**
	 * Creates a load balancer.
	 * @param instances the service's instance list
	 * @param serviceId the service
	 */
	public WeightedLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances, String serviceId) {
		super(instances, serviceId);
	}

	@Override
	@SuppressWarnings("rawtypes")
	protected synchronized ServiceInstance select(List<ServiceInstance> instances, Request request) {
		double total = 0;
		ServiceInstance best = null;
		String bestKey = null;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (ServiceInstance instance : instances) {
			double weight = Instances.weight(instance);
			String key = Instances.key(instance);
			double score = this.scores.merge(key, weight, Double::sum);
			total += weight;
			if (score > bestScore) {
				bestScore = score;
				best = instance;
				bestKey = key;
			}
		}
		this.scores.put(bestKey, bestScore - total);
		if (this.scores.size() > instances.size()) {
			// instances that left must not come back with a stale score
			this.scores.keySet().retainAll(instances.stream().map(Instances::key).toList());
		}
		return best;
	}

}
