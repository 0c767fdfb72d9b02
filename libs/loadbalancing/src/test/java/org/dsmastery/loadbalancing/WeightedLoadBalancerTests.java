package org.dsmastery.loadbalancing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.loadbalancing.TestInstances.choose;
import static org.dsmastery.loadbalancing.TestInstances.instance;
import static org.dsmastery.loadbalancing.TestInstances.request;
import static org.dsmastery.loadbalancing.TestInstances.supplier;

class WeightedLoadBalancerTests {

	final ServiceInstance heavy = instance(8081, Map.of("weight", "3"));

	final ServiceInstance light = instance(8181);

	@Test
	void givesThreeToOneWeightsSeventyFiveAndTwentyFivePercent() {
		WeightedLoadBalancer balancer = new WeightedLoadBalancer(supplier(() -> List.of(this.heavy, this.light)),
				TestInstances.SERVICE);

		Map<ServiceInstance, Integer> picks = pick(balancer, 4000);

		assertThat(picks.get(this.heavy) / 4000.0).isEqualTo(0.75);
		assertThat(picks.get(this.light) / 4000.0).isEqualTo(0.25);
	}

	@Test
	void interleavesInsteadOfSendingBursts() {
		WeightedLoadBalancer balancer = new WeightedLoadBalancer(supplier(() -> List.of(this.heavy, this.light)),
				TestInstances.SERVICE);

		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ports.add(choose(balancer, request("X-Customer-Id", null)).getPort());
		}

		assertThat(ports).containsExactly(8081, 8081, 8181, 8081, 8081, 8081, 8181, 8081);
	}

	@Test
	void treatsMissingOrInvalidWeightsAsOne() {
		ServiceInstance invalid = instance(8281, Map.of("weight", "lots"));
		ServiceInstance negative = instance(8381, Map.of("weight", "-2"));
		WeightedLoadBalancer balancer = new WeightedLoadBalancer(supplier(() -> List.of(this.light, invalid, negative)),
				TestInstances.SERVICE);

		Map<ServiceInstance, Integer> picks = pick(balancer, 300);

		assertThat(picks.values()).containsOnly(100);
	}

	@Test
	void followsMembershipChanges() {
		AtomicReference<List<ServiceInstance>> instances = new AtomicReference<>(List.of(this.heavy, this.light));
		WeightedLoadBalancer balancer = new WeightedLoadBalancer(supplier(instances::get), TestInstances.SERVICE);
		pick(balancer, 3);

		ServiceInstance newcomer = instance(8281, Map.of("weight", "2"));
		instances.set(List.of(this.light, newcomer));
		Map<ServiceInstance, Integer> picks = pick(balancer, 3000);

		assertThat(picks).doesNotContainKey(this.heavy);
		assertThat(picks.get(newcomer)).isBetween(1999, 2001);
	}

	private static Map<ServiceInstance, Integer> pick(WeightedLoadBalancer balancer, int times) {
		Map<ServiceInstance, Integer> picks = new HashMap<>();
		for (int i = 0; i < times; i++) {
			picks.merge(choose(balancer, request("X-Customer-Id", null)), 1, Integer::sum);
		}
		return picks;
	}

}
