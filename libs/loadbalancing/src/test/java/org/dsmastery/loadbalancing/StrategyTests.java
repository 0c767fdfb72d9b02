package org.dsmastery.loadbalancing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StrategyTests {

	@Test
	void readsEachServicesSettingsWithDefaults() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("shop.loadbalancer.order-service.strategy", "consistent-hash")
			.withProperty("shop.loadbalancer.order-service.hash-header", "X-Tenant")
			.withProperty("shop.loadbalancer.default.strategy", "least-connections")
			.withProperty("shop.loadbalancer.default.in-flight-expiry", "500ms");

		LoadBalancingSettings orders = LoadBalancingSettings.of(environment, "order-service");
		LoadBalancingSettings ids = LoadBalancingSettings.of(environment, "id-generator");

		assertThat(orders)
			.isEqualTo(new LoadBalancingSettings(Strategy.CONSISTENT_HASH, "X-Tenant", true, Duration.ofMillis(500)));
		assertThat(ids.strategy()).isEqualTo(Strategy.LEAST_CONNECTIONS);
		assertThat(ids.hashHeader()).isEqualTo("X-Customer-Id");
	}

	@Test
	void rejectsAnUnknownStrategyByName() {
		assertThat(Strategy.of("WEIGHTED")).isEqualTo(Strategy.WEIGHTED);
		assertThatIllegalArgumentException().isThrownBy(() -> Strategy.of("fastest"))
			.withMessageContaining("round-robin, least-connections, weighted or consistent-hash");
	}

}
