package org.dsmastery.servicedefaults.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceRegistriesAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResilienceRegistriesAutoConfiguration.class,
				CircuitBreakersEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=circuitbreakers")
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void buildsTheRegistriesOnTheServicesSettingsWithTheirMetrics() {
		CircuitBreakerConfig breakers = CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.waitDurationInOpenState(Duration.ofSeconds(2))
			.build();
		RetryConfig retries = RetryConfig.custom().maxAttempts(4).build();

		this.contexts.withBean(CircuitBreakerConfig.class, () -> breakers)
			.withBean(RetryConfig.class, () -> retries)
			.run((context) -> {
				context.getBean(CircuitBreakerRegistry.class).circuitBreaker("payment-provider");
				context.getBean(RetryRegistry.class).retry("payment-provider");
				MeterRegistry meters = context.getBean(MeterRegistry.class);

				assertThat(context.getBean(CircuitBreakerRegistry.class).getDefaultConfig()).isSameAs(breakers);
				assertThat(context.getBean(RetryRegistry.class).getDefaultConfig()).isSameAs(retries);
				assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "payment-provider").gauges())
					.isNotEmpty();
				assertThat(meters.find("resilience4j.retry.calls").tag("name", "payment-provider").meters())
					.isNotEmpty();
				assertThat(context).hasSingleBean(CircuitBreakersEndpoint.class);
			});
	}

	@Test
	void buildsNoRegistryForAServiceWithoutSettings() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakerRegistry.class)
			.doesNotHaveBean(RetryRegistry.class)
			.doesNotHaveBean(CircuitBreakersEndpoint.class));
	}

}
