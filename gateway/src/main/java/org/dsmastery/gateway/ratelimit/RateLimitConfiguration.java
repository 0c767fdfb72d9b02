package org.dsmastery.gateway.ratelimit;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires gateway rate limiting: remote decisions from the rate-limiter service, a circuit
 * breaker around them, and the local fallback buckets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "shop.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitProperties properties,
			ReactorLoadBalancerExchangeFilterFunction loadBalancer, MeterRegistry meterRegistry) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
		WebClient client = WebClient.builder().baseUrl(properties.serviceUrl()).filter(loadBalancer).build();
		RemoteRateLimiter limiter = new RemoteRateLimiter(client, properties, registry.circuitBreaker("rate-limiter"),
				new LocalFallbackBuckets(properties.fallbackCapacity(), properties.fallbackRatePerSecond()));
		return new RateLimitFilter(limiter, properties);
	}

}
