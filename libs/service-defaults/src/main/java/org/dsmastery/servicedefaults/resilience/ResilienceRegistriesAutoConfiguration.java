package org.dsmastery.servicedefaults.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The resilience4j registries of a service that calls others directly: the service
 * declares its settings as a {@link CircuitBreakerConfig} and a {@link RetryConfig} bean,
 * and gets one registry of each built on them, their metrics bound to Micrometer
 * ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}). A service
 * without such a bean gets no registry.
 */
@AutoConfiguration
@ConditionalOnClass({ CircuitBreakerRegistry.class, TaggedCircuitBreakerMetrics.class, MeterRegistry.class })
public class ResilienceRegistriesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(CircuitBreakerConfig.class)
	CircuitBreakerRegistry circuitBreakerRegistry(CircuitBreakerConfig settings, ObjectProvider<MeterRegistry> meters) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(settings);
		meters.ifAvailable(TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry)::bindTo);
		return registry;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RetryRegistry.class)
	static class Retries {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(RetryConfig.class)
		RetryRegistry retryRegistry(RetryConfig settings, ObjectProvider<MeterRegistry> meters) {
			RetryRegistry registry = RetryRegistry.of(settings);
			meters.ifAvailable(TaggedRetryMetrics.ofRetryRegistry(registry)::bindTo);
			return registry;
		}

	}

}
