package org.dsmastery.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker and time limit every route's {@code CircuitBreaker} filter uses;
 * one breaker per route, named after it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceConfiguration.RouteResilienceProperties.class)
class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(RouteResilienceProperties properties) {
		return (factory) -> factory.configureDefault((id) -> new Resilience4JConfigBuilder(id)
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(20)
				.minimumNumberOfCalls(10)
				.failureRateThreshold(50)
				.slowCallDurationThreshold(properties.timeout())
				.waitDurationInOpenState(properties.openFor())
				.permittedNumberOfCallsInHalfOpenState(3)
				.build())
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build())
			.build());
	}

	/**
	 * The bulkhead Spring Cloud CircuitBreaker puts on each route: at most
	 * {@code shop.gateway.resilience.max-concurrent-calls} calls in flight per route (its
	 * default of 25 turned load tests into 503s), the rest answered by the fallback at
	 * once.
	 */
	@Bean
	Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(RouteResilienceProperties properties) {
		return (provider) -> provider.configureDefault(
				(id) -> new Resilience4jBulkheadConfigurationBuilder()
					.bulkheadConfig(BulkheadConfig.custom()
						.maxConcurrentCalls(properties.maxConcurrentCalls())
						.maxWaitDuration(Duration.ZERO)
						.build())
					.threadPoolBulkheadConfig(ThreadPoolBulkheadConfig.ofDefaults())
					.build());
	}

	/**
	 * Settings of the routes' circuit breakers, under {@code shop.gateway.resilience}.
	 *
	 * @param timeout how long a routed call may take before the fallback answers
	 * @param openFor how long an open circuit fails fast before it lets trial calls
	 * through
	 * @param maxConcurrentCalls calls in flight per route before the bulkhead refuses
	 */
	@ConfigurationProperties("shop.gateway.resilience")
	record RouteResilienceProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("10s") Duration openFor,
			@DefaultValue("256") int maxConcurrentCalls) {
	}

}
