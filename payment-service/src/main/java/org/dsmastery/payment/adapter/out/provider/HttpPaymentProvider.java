package org.dsmastery.payment.adapter.out.provider;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.payment.application.PaymentProvider;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the payment provider's {@code POST /simulator/payments/authorizations} with the
 * order as {@code Idempotency-Key}, so every retry of one order asks for the same
 * authorization. Each attempt has a time limit (the client's read timeout) and goes
 * through the circuit breaker; the retry wraps the circuit breaker, so every attempt
 * counts in its window and an open circuit ends the retries at once.
 * <p>
 * Each attempt, inside the retry, is an Observation {@code payment.provider.call}: a span
 * of its own (the HTTP client's span is its child) and the timer
 * {@code payment.provider.call{outcome,attempt}}, where {@code outcome} is
 * {@code authorized}, {@code declined}, {@code failed} (a transient failure, retried if
 * attempts remain) or {@code circuit-open}, and {@code attempt} counts from 1.
 */
public class HttpPaymentProvider implements PaymentProvider {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Logger logger = LoggerFactory.getLogger(HttpPaymentProvider.class);

	private static final String OUTCOME = "outcome";

	private final RestClient client;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final String url;

	private final Environment environment;

	private final ObservationRegistry observations;

	/**
	 * Creates the client of the provider at the given URL.
	 * @param client the HTTP client, with its time limit
	 * @param circuitBreaker the provider's circuit breaker
	 * @param retry the provider's retry
	 * @param url the provider's base URL; empty means this instance's own simulator
	 * @param environment where this instance's port is found
	 * @param observations where each attempt is observed
	 */
	public HttpPaymentProvider(RestClient client, CircuitBreaker circuitBreaker, Retry retry, String url,
			Environment environment, ObservationRegistry observations) {
		this.client = client;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
		this.url = url;
		this.environment = environment;
		this.observations = observations;
	}

	@Override
	public ProviderResult authorize(OrderId orderId, Money amount) {
		Supplier<ProviderResult> guarded = CircuitBreaker.decorateSupplier(this.circuitBreaker,
				() -> call(orderId, amount));
		AtomicInteger attempts = new AtomicInteger();
		Supplier<ProviderResult> attempt = () -> observed(orderId, attempts.incrementAndGet(), guarded);
		try {
			return Retry.decorateSupplier(this.retry, attempt).get();
		}
		catch (CallNotPermittedException ex) {
			return new ProviderResult.Unavailable("the provider's circuit breaker is open");
		}
		catch (RestClientException ex) {
			logger.debug("Payment provider failed for order {}", orderId, ex);
			return new ProviderResult.Unavailable(ex.getMessage());
		}
	}

	private ProviderResult observed(OrderId orderId, int attempt, Supplier<ProviderResult> guarded) {
		Observation observation = Observation.createNotStarted("payment.provider.call", this.observations)
			.contextualName("payment provider attempt " + attempt)
			.lowCardinalityKeyValue("attempt", Integer.toString(attempt))
			.lowCardinalityKeyValue(OUTCOME, "failed")
			.highCardinalityKeyValue("order.id", orderId.toString())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			ProviderResult result = guarded.get();
			observation.lowCardinalityKeyValue(OUTCOME,
					(result instanceof ProviderResult.Authorized) ? "authorized" : "declined");
			return result;
		}
		catch (CallNotPermittedException ex) {
			observation.lowCardinalityKeyValue(OUTCOME, "circuit-open");
			throw ex;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private ProviderResult call(OrderId orderId, Money amount) {
		try {
			AuthorizationResponse response = this.client.post()
				.uri(baseUrl() + "/simulator/payments/authorizations")
				.header(IDEMPOTENCY_KEY, "order-" + orderId)
				.body(new AuthorizationRequest(amount.cents(), amount.currency(), orderId.toString()))
				.retrieve()
				.body(AuthorizationResponse.class);
			if (response == null || response.authorizationId() == null) {
				throw new RestClientException("the provider answered without an authorization id");
			}
			return new ProviderResult.Authorized(response.authorizationId());
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.PAYMENT_REQUIRED)) {
				return new ProviderResult.Declined(ex.getResponseBodyAsString());
			}
			throw ex;
		}
	}

	private String baseUrl() {
		if (this.url == null || this.url.isBlank()) {
			return "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");
		}
		return this.url.endsWith("/") ? this.url.substring(0, this.url.length() - 1) : this.url;
	}

	record AuthorizationRequest(long amountCents, String currency, String reference) {
	}

	// a tolerant reader: the provider may add fields to its answer
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AuthorizationResponse(String authorizationId) {
	}

}
