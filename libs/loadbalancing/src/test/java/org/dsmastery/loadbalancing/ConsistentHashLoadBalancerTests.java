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

class ConsistentHashLoadBalancerTests {

	private static final int KEYS = 20_000;

	final AtomicReference<List<ServiceInstance>> instances = new AtomicReference<>(
			List.of(instance(8081), instance(8181), instance(8281), instance(8381)));

	final ConsistentHashLoadBalancer balancer = new ConsistentHashLoadBalancer(supplier(this.instances::get),
			TestInstances.SERVICE, "X-Customer-Id");

	@Test
	void sendsTheSameKeyToTheSameInstance() {
		ServiceInstance first = choose(this.balancer, request("X-Customer-Id", "42"));

		for (int i = 0; i < 100; i++) {
			assertThat(choose(this.balancer, request("X-Customer-Id", "42"))).isEqualTo(first);
		}
	}

	@Test
	void spreadsKeysOverEveryInstance() {
		Map<Integer, Integer> load = new HashMap<>();
		assignments().values().forEach((port) -> load.merge(port, 1, Integer::sum));

		assertThat(load).hasSize(4);
		// 160 points per instance keep each share within about a quarter of the mean
		// (here 4329 to 6164 of 5000); more points spread better and cost memory
		assertThat(load.values())
			.allSatisfy((keys) -> assertThat(keys).isBetween(KEYS / 4 * 7 / 10, KEYS / 4 * 13 / 10));
	}

	@Test
	void movesOnlyAboutOneNthOfTheKeysWhenAnInstanceJoins() {
		Map<String, Integer> before = assignments();
		List<ServiceInstance> grown = new ArrayList<>(this.instances.get());
		grown.add(instance(8481));
		this.instances.set(grown);

		Map<String, Integer> after = assignments();

		List<String> moved = before.keySet().stream().filter((key) -> !before.get(key).equals(after.get(key))).toList();
		assertThat(moved.size() / (double) KEYS).as("moved fraction").isBetween(1.0 / 5 * 0.8, 1.0 / 5 * 1.2);
		// and every key that moved went to the newcomer
		assertThat(moved.stream().map(after::get).distinct()).containsExactly(8481);
	}

	@Test
	void goesRoundRobinWithoutAKey() {
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ports.add(choose(this.balancer, request("X-Customer-Id", null)).getPort());
		}

		assertThat(ports.subList(0, 4)).containsExactlyInAnyOrder(8081, 8181, 8281, 8381);
		assertThat(ports.subList(4, 8)).isEqualTo(ports.subList(0, 4));
	}

	private Map<String, Integer> assignments() {
		Map<String, Integer> assigned = new HashMap<>();
		for (int i = 0; i < KEYS; i++) {
			String key = "customer-" + i;
			assigned.put(key, choose(this.balancer, request("X-Customer-Id", key)).getPort());
		}
		return assigned;
	}

}
