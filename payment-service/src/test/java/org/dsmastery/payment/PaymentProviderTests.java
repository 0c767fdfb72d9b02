package org.dsmastery.payment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment provider behind its time limit, retries and circuit breaker, as the
 * actuator and the metrics show them.
 */
class PaymentProviderTests extends PaymentIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aFailingProviderDeclinesOpensTheCircuitAndRecoversThroughHalfOpen() {
		String customer = customer();
		configureProvider(0, 1.0, 0.0);

		List<String> orders = List.of(order(), order(), order(), order());
		orders.forEach((order) -> authorizePayment(order, customer, 1000, UUID.randomUUID().toString(), order));

		orders.forEach((order) -> assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason",
				"provider-unavailable"));
		assertThat(circuitState()).isEqualTo("OPEN");
		assertThat(account(customer)).containsEntry("heldCents", 0).containsEntry("balanceCents", 100000);
		// 3 attempts each for the first three handled; the tenth call opened the circuit,
		// which ended the last one's retries at once
		assertThat(orders.stream().map(this::providerAttempts)).containsExactlyInAnyOrder(3, 3, 3, 1);

		configureProvider(0, 0.0, 0.0);
		awaitOpenWaitOver();
		assertThat(circuitState()).isEqualTo("HALF_OPEN");
		List<String> later = List.of(order(), order());
		later.forEach((order) -> {
			authorizePayment(order, customer, 1000, UUID.randomUUID().toString(), order);
			awaitEvent(order, "PaymentAuthorized");
		});
		assertThat(circuitState()).isEqualTo("CLOSED");
		assertThat(account(customer)).containsEntry("heldCents", 2000);
	}

	@Test
	void retriesMakeAFlakyProviderSucceed() {
		String customer = customer();
		String order = order();
		double retriedBefore = retriedSuccesses();
		// evenly spread: the first call fails, the second succeeds
		configureProvider(0, 0.5, 0.0);

		authorizePayment(order, customer, 2500, UUID.randomUUID().toString(), order);

		awaitEvent(order, "PaymentAuthorized");
		assertThat(providerAttempts(order)).isEqualTo(2);
		assertThat(retriedSuccesses()).isEqualTo(retriedBefore + 1);
		assertThat(account(customer)).containsEntry("heldCents", 2500);
	}

	@Test
	void aProviderDeclineIsAnswered() {
		String customer = customer();
		String order = order();
		configureProvider(0, 0.0, 1.0);

		authorizePayment(order, customer, 2500, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "provider-declined");
		assertThat(account(customer)).containsEntry("heldCents", 0);
		assertThat(providerAttempts(order)).isOne();
	}

	/**
	 * Waits out the open circuit's wait. Without automatic transition the breaker leaves
	 * OPEN only when a call asks for a permission after the wait: ask as a call would,
	 * and hand the permission back unused.
	 */
	private void awaitOpenWaitOver() {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("payment-provider");
		await().atMost(WAIT).until(breaker::tryAcquirePermission);
		breaker.releasePermission();
	}

	private String circuitState() {
		Map<String, Object> body = get("/actuator/circuitbreakers").getBody();
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> breakers = (Map<String, Map<String, Object>>) body.get("circuitBreakers");
		return (String) breakers.get("payment-provider").get("state");
	}

	private double retriedSuccesses() {
		FunctionCounter counter = this.meters.find("resilience4j.retry.calls")
			.tags("name", "payment-provider", "kind", "successful_with_retry")
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

}
