package org.dsmastery.inventory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.inventory.application.ReleaseTrigger;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.application.ReservationService;
import org.dsmastery.inventory.application.SkuLockUnavailableException;
import org.dsmastery.inventory.application.SkuLocks;
import org.dsmastery.inventory.adapter.out.lock.RedissonSkuLocks;
import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.SagaStyle;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockEvent;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.RecordedObservations;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What inventory measures and traces, on real Redis and PostgreSQL: each lock wait, and
 * the compensations of the choreographed saga that inventory makes.
 */
class InventoryObservabilityTests extends InventoryIntegrationTest {

	@Autowired
	ReservationService reservations;

	@Autowired
	RedissonClient redisson;

	@Autowired
	MeterRegistry meters;

	@Test
	void eachLockWaitIsObservedAsAcquiredOrTimedOut() throws Exception {
		Sku first = newProduct("SKU-WAIT-A", 5);
		Sku contested = newProduct("SKU-WAIT-B", 5);
		SimpleMeterRegistry waits = new SimpleMeterRegistry();
		RecordedObservations recorded = new RecordedObservations("inventory.lock.wait");
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(waits))
			.observationHandler(recorded);
		SkuLocks locks = new RedissonSkuLocks(this.redisson, Duration.ofMillis(300), Duration.ofSeconds(5),
				new SimpleMeterRegistry(), observations);
		AtomicReference<Throwable> refused = new AtomicReference<>();

		locks.withLocks(List.of(first, contested), (tokens) -> {
			Thread other = Thread.ofPlatform().start(() -> {
				try {
					locks.withLocks(List.of(contested), (ignored) -> null);
				}
				catch (RuntimeException ex) {
					refused.set(ex);
				}
			});
			try {
				other.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		});

		assertThat(refused.get()).isInstanceOf(SkuLockUnavailableException.class);
		assertThat(recorded.named("inventory.lock.wait"))
			.extracting((wait) -> RecordedObservations.describe(wait, "sku", "outcome"))
			.containsExactly(first.code() + " acquired", contested.code() + " acquired", contested.code() + " timeout");
		assertThat(waits.get("inventory.lock.wait").tag("outcome", "acquired").timer().count()).isEqualTo(2);
		Timer timedOut = waits.get("inventory.lock.wait").tag("outcome", "timeout").timer();
		assertThat(timedOut.count()).isOne();
		assertThat(timedOut.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
	}

	@Test
	void theApplicationsLocksAreObservedInItsRegistry() {
		Sku sku = newProduct("SKU-WAIT-C", 5);
		long before = acquiredWaits();

		this.reservations.reserve(new ReservationRequest.Reserve(new OrderId(newOrderId()),
				List.of(new ReservationLine(sku, 1)), SagaStyle.ORCHESTRATED), message());

		// a listener may take a lock meanwhile too: at least this one
		assertThat(acquiredWaits()).isGreaterThanOrEqualTo(before + 1);
		String scrape = LocalHttp.client(this.port, TestIdentity.shared().admin())
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.body(String.class);
		assertThat(scrape.lines())
			.anySatisfy((line) -> assertThat(line).startsWith("inventory_lock_wait_seconds_bucket{")
				.contains("outcome=\"acquired\"", "le=\"0.005\""));
	}

	@Test
	void releasingAChoreographedReservationCountsACompensationAnOrchestratedOneDoesNot() {
		Sku sku = newProduct("SKU-UNDO", 10);
		OrderId choreographed = new OrderId(newOrderId());
		OrderId orchestrated = new OrderId(newOrderId());
		double declined = compensations("insufficient-credit");
		this.reservations.reserve(new ReservationRequest.Reserve(choreographed, List.of(new ReservationLine(sku, 2)),
				SagaStyle.CHOREOGRAPHED), message());
		this.reservations.reserve(new ReservationRequest.Reserve(orchestrated, List.of(new ReservationLine(sku, 2)),
				SagaStyle.ORCHESTRATED), message());

		ReservationRequest.Release paymentDeclined = new ReservationRequest.Release(choreographed,
				"payment declined: insufficient-credit", ReleaseTrigger.PAYMENT_DECLINED);
		assertThat(this.reservations.release(paymentDeclined, message())).get()
			.isInstanceOf(StockEvent.StockReleased.class);
		// a second delivery, as another message: nothing is held any more
		assertThat(this.reservations.release(paymentDeclined, message())).isEmpty();
		assertThat(this.reservations.release(new ReservationRequest.Release(orchestrated,
				"payment declined: insufficient-credit", ReleaseTrigger.COMMAND), message()))
			.get()
			.isInstanceOf(StockEvent.StockReleased.class);

		assertThat(compensations("insufficient-credit")).isEqualTo(declined + 1);
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

	private long acquiredWaits() {
		return this.meters.find("inventory.lock.wait")
			.tag("outcome", "acquired")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static ConsumedMessage message() {
		return new ConsumedMessage("observability-test", UUID.randomUUID().toString(), null);
	}

}
