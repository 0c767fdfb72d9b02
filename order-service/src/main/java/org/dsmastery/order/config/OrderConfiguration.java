package org.dsmastery.order.config;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.MessagingRetry;
import org.dsmastery.order.adapter.in.scheduling.ChoreographyTimeouts;
import org.dsmastery.order.application.OrderReadModel;
import org.dsmastery.order.application.OrderService;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.servicedefaults.security.ServiceTokenInterceptor;
import org.dsmastery.snowflake.IdSource;
import org.dsmastery.snowflake.PrefetchingIdClient;
import org.dsmastery.snowflake.RestClientIdSource;

import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The order service's infrastructure beans: clients of other services with the settings
 * of their circuit breakers and retries, the choreography's timeout, retry policy of the
 * listeners.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OrderConfiguration {

	/**
	 * The plain builder, as Boot configures it, for clients that call fixed URLs: the
	 * Eureka client's own transport among them.
	 */
	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	/**
	 * A builder whose clients resolve service names ({@code http://inventory-service})
	 * through discovery, with a read timeout.
	 */
	@Bean
	@LoadBalanced
	@Scope("prototype")
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer,
			OrderProperties properties) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(properties.callTimeout());
		return configurer.configure(RestClient.builder()).requestFactory(requestFactory);
	}

	/**
	 * The id-generator behind a circuit breaker and retries with backoff; the prefetching
	 * client on top of it rides out an outage on its buffer.
	 */
	@Bean
	IdSource idSource(@LoadBalanced RestClient.Builder builder, ServiceTokenInterceptor serviceToken,
			OrderProperties properties, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
		// ids are fetched ahead of any order, so with the service's own token, not a
		// shopper's
		IdSource http = new RestClientIdSource(
				builder.requestInterceptor(serviceToken).baseUrl(properties.idGeneratorUrl()).build());
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker("id-generator");
		Retry retry = retries.retry("id-generator");
		return (count) -> Retry
			.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, () -> http.fetch(count)))
			.get();
	}

	@Bean
	PrefetchingIdClient prefetchingIdClient(IdSource idSource, OrderProperties properties) {
		return new PrefetchingIdClient(idSource, properties.idPrefetch(), properties.idPrefetch() / 5,
				Duration.ofSeconds(2));
	}

	@Bean
	RestClient inventoryRestClient(@LoadBalanced RestClient.Builder builder, OrderProperties properties) {
		return builder.baseUrl(properties.inventoryUrl()).build();
	}

	/**
	 * The circuit breakers of calls to other services, built by service-defaults'
	 * registry.
	 */
	@Bean
	CircuitBreakerConfig circuitBreakerConfig() {
		return CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(Duration.ofSeconds(1))
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build();
	}

	@Bean
	CircuitBreaker inventoryCircuitBreaker(CircuitBreakerRegistry registry) {
		return registry.circuitBreaker("inventory-service");
	}

	/**
	 * Retries of idempotent calls to other services: three attempts, exponential backoff
	 * from 100 ms with 50 % jitter; never on a 4xx answer or an open circuit.
	 */
	@Bean
	RetryConfig retryConfig() {
		return RetryConfig.custom()
			.maxAttempts(3)
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0, 0.5))
			.retryExceptions(RestClientException.class)
			.ignoreExceptions(HttpClientErrorException.class, CallNotPermittedException.class)
			.build();
	}

	@Bean
	Retry inventoryRetry(RetryRegistry registry) {
		return registry.retry("inventory-service");
	}

	@Bean
	ChoreographyTimeouts choreographyTimeouts(OrderReadModel readModel, OrderService orders, OrderProperties properties,
			Clock clock) {
		return new ChoreographyTimeouts(readModel, orders, properties.choreographyTimeout(), clock);
	}

	@Bean
	RetryTopicConfiguration orderCommandsRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forTopics(template, OrderTopics.COMMANDS);
	}

	@Bean
	RetryTopicConfiguration choreographyRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forSharedTopics(template, "order-service", InventoryTopics.EVENTS, PaymentTopics.EVENTS);
	}

}
