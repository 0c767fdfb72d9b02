package org.dsmastery.payment.config;

import java.net.http.HttpClient;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.MessagingRetry;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.adapter.out.provider.HttpPaymentProvider;
import org.dsmastery.payment.application.CreditPolicy;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.domain.Money;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * payment-service's infrastructure beans: credit policy, the payment provider's HTTP
 * client with its time limit and the settings of its retry and circuit breaker (whose
 * registries service-defaults builds), and the retry topics of the three listeners.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	/** The circuit breaker and retry of the payment provider client. */
	static final String PROVIDER = "payment-provider";

	@Bean
	CreditPolicy creditPolicy(PaymentProperties properties) {
		return new CreditPolicy(new Money(properties.defaultCreditCents(), properties.defaultCurrency()));
	}

	/**
	 * The provider's client: a connect and a read timeout, so a hanging provider costs at
	 * most the time limit per attempt. Boot's plain builder: no load balancing, the
	 * provider is an external URL.
	 */
	@Bean
	RestClient paymentProviderRestClient(RestClient.Builder builder, PaymentProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(properties.provider().timeout()).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(properties.provider().timeout());
		return builder.requestFactory(requestFactory).build();
	}

	@Bean
	CircuitBreakerConfig circuitBreakerConfig() {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(10)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(2))
			.permittedNumberOfCallsInHalfOpenState(2)
			// a 4xx is the client's fault, not the provider failing
			.recordException(PaymentConfiguration::isTransient)
			.build();
	}

	@Bean
	CircuitBreaker paymentProviderCircuitBreaker(CircuitBreakerRegistry registry) {
		return registry.circuitBreaker(PROVIDER);
	}

	@Bean
	RetryConfig retryConfig(PaymentProperties properties) {
		return RetryConfig.custom()
			.maxAttempts(properties.provider().maxAttempts())
			// 100 ms, 200 ms, ... each +-50 %: retries of many callers do not arrive in
			// step
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.provider().backoff(), 2.0, 0.5))
			// only what may succeed next time; never an open circuit (fail fast) or a 4xx
			.retryOnException(PaymentConfiguration::isTransient)
			.build();
	}

	@Bean
	Retry paymentProviderRetry(RetryRegistry registry) {
		return registry.retry(PROVIDER);
	}

	@Bean
	HttpPaymentProvider paymentProvider(RestClient paymentProviderRestClient,
			CircuitBreaker paymentProviderCircuitBreaker, Retry paymentProviderRetry, PaymentProperties properties,
			Environment environment, ObservationRegistry observations) {
		return new HttpPaymentProvider(paymentProviderRestClient, paymentProviderCircuitBreaker, paymentProviderRetry,
				properties.provider().url(), environment, observations);
	}

	@Bean
	RetryTopicConfiguration paymentCommandsRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forTopics(template, PaymentTopics.COMMANDS);
	}

	/**
	 * Retry topics of its own for the events other services read too:
	 * {@code inventory.events.v1.payment-service.retry-0}, ...
	 */
	@Bean
	RetryTopicConfiguration paymentEventsRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forSharedTopics(template, "payment-service", OrderTopics.EVENTS, InventoryTopics.EVENTS);
	}

	/**
	 * Whether a failed call may succeed when repeated: a 5xx, an I/O error or a timeout.
	 * @param failure the failure
	 * @return {@code true} if transient
	 */
	static boolean isTransient(Throwable failure) {
		return failure instanceof HttpServerErrorException || failure instanceof ResourceAccessException;
	}

}
