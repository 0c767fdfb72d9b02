package org.dsmastery.payment;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.testsupport.RecordedObservations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What payment-service measures and traces: each attempt at the provider on its own, and
 * the choreographed saga's compensations it makes.
 */
class PaymentObservabilityTests extends PaymentIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	RecordedObservations observed;

	@Test
	void eachProviderAttemptIsAnObservationOfItsOwnWithTheHttpCallInside() {
		String order = order();
		long failedFirst = attempts("1", "failed");
		long authorizedSecond = attempts("2", "authorized");
		// evenly spread: the first call fails, the second succeeds
		configureProvider(0, 0.5, 0.0);

		authorizePayment(order, customer(), 2500, UUID.randomUUID().toString(), order);

		awaitEvent(order, "PaymentAuthorized");
		List<Observation.Context> calls = this.observed.with("order.id", order);
		assertThat(calls).extracting((call) -> RecordedObservations.describe(call, "attempt", "outcome"))
			.containsExactly("1 failed", "2 authorized");
		assertThat(calls.get(0).getError()).isNotNull();
		assertThat(calls).allSatisfy((call) -> assertThat(this.observed.named("http.client.requests"))
			.as("the provider's HTTP call is a child of its attempt")
			.anySatisfy((http) -> assertThat(http.getParentObservation().getContextView()).isSameAs(call)));
		assertThat(attempts("1", "failed")).isEqualTo(failedFirst + 1);
		assertThat(attempts("2", "authorized")).isEqualTo(authorizedSecond + 1);
		String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape.lines())
			.anySatisfy((line) -> assertThat(line).startsWith("payment_provider_call_seconds_bucket{")
				.contains("attempt=\"2\"", "outcome=\"authorized\"", "le=\"0.025\""));
	}

	@Test
	void aProviderDeclineAndAnOpenCircuitAreOutcomesOfTheirAttempt() {
		String declined = order();
		configureProvider(0, 0.0, 1.0);
		authorizePayment(declined, customer(), 1000, UUID.randomUUID().toString(), declined);
		awaitEvent(declined, "PaymentDeclined");
		this.circuitBreakers.circuitBreaker("payment-provider").transitionToForcedOpenState();
		String refused = order();
		authorizePayment(refused, customer(), 1000, UUID.randomUUID().toString(), refused);
		awaitEvent(refused, "PaymentDeclined");

		assertThat(this.observed.with("order.id", declined))
			.extracting((call) -> RecordedObservations.describe(call, "attempt", "outcome"))
			.containsExactly("1 declined");
		assertThat(this.observed.with("order.id", refused))
			.extracting((call) -> RecordedObservations.describe(call, "attempt", "outcome"))
			.containsExactly("1 circuit-open");
	}

	@Test
	void voidingAChoreographedHoldCountsACompensationAndAnOrchestratedOneDoesNot() {
		String customer = customer();
		String choreographed = order();
		String orchestrated = order();
		double timeouts = compensations("timeout");
		send(OrderTopics.EVENTS, choreographed, "OrderPlaced", placed(choreographed, customer),
				UUID.randomUUID().toString(), null);
		send(InventoryTopics.EVENTS, choreographed, "StockReserved", "{\"orderId\":\"" + choreographed
				+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"reservedAt\":\"2026-11-25T16:37:23.601Z\"}",
				UUID.randomUUID().toString(), null);
		authorizePayment(orchestrated, customer, 3000, UUID.randomUUID().toString(), orchestrated);
		awaitEvent(choreographed, "PaymentAuthorized");
		awaitEvent(orchestrated, "PaymentAuthorized");

		for (String order : List.of(choreographed, orchestrated)) {
			send(OrderTopics.EVENTS, order, "OrderRejected", "{\"orderId\":\"" + order
					+ "\",\"reason\":\"saga timed out: no decision within PT2M\",\"rejectedAt\":\"2026-11-25T16:40:00Z\"}",
					UUID.randomUUID().toString(), null);
		}

		awaitEvent(choreographed, "PaymentVoided");
		awaitEvent(orchestrated, "PaymentVoided");
		await().atMost(WAIT).untilAsserted(() -> assertThat(compensations("timeout")).isEqualTo(timeouts + 1));
		assertThat(this.meters.find("saga.compensations").tag("style", "orchestrated").counters())
			.as("saga-orchestrator counts the orchestrated ones")
			.isEmpty();
	}

	private double compensations(String reason) {
		return this.meters.find("saga.compensations")
			.tags("style", "choreographed", "reason", reason)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private long attempts(String attempt, String outcome) {
		return this.meters.find("payment.provider.call")
			.tags("attempt", attempt, "outcome", outcome)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static String placed(String order, String customer) {
		return "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
				+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1,\"unitPriceCents\":7000}],\"totalCents\":7000,"
				+ "\"currency\":\"EUR\",\"sagaStyle\":\"choreographed\",\"placedAt\":\"2026-11-25T16:37:23.465Z\"}";
	}

}
