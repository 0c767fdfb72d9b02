package org.dsmastery.order.config;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.messaging.MessagingRetry;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.snowflake.IdSource;
import org.dsmastery.snowflake.PrefetchingIdClient;
import org.dsmastery.snowflake.RestClientIdSource;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.web.client.RestClient;

/**
 * The order service's infrastructure beans: clock, clients of other services, circuit
 * breaker, retry policy of the command listener.
 */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Every RestClient built from this builder resolves service names through discovery.
	 */
	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(OrderProperties properties) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(properties.callTimeout());
		return RestClient.builder().requestFactory(requestFactory);
	}

	@Bean
	IdSource idSource(RestClient.Builder builder, OrderProperties properties) {
		return new RestClientIdSource(builder.clone().baseUrl(properties.idGeneratorUrl()).build());
	}

	@Bean
	PrefetchingIdClient prefetchingIdClient(IdSource idSource, OrderProperties properties) {
		return new PrefetchingIdClient(idSource, properties.idPrefetch(), properties.idPrefetch() / 5,
				Duration.ofSeconds(2));
	}

	@Bean
	RestClient inventoryRestClient(RestClient.Builder builder, OrderProperties properties) {
		return builder.clone().baseUrl(properties.inventoryUrl()).build();
	}

	@Bean
	CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meterRegistry) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(Duration.ofSeconds(1))
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
		return registry;
	}

	@Bean
	CircuitBreaker inventoryCircuitBreaker(CircuitBreakerRegistry registry) {
		return registry.circuitBreaker("inventory-service");
	}

	@Bean
	RetryTopicConfiguration orderCommandsRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forTopics(template, OrderTopics.COMMANDS);
	}

}
