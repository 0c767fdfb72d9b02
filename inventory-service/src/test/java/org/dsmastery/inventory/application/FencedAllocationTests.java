package org.dsmastery.inventory.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.inventory.InventoryIntegrationTest;
import org.dsmastery.inventory.adapter.out.lock.RedissonSkuLocks;
import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.SagaStyle;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StaleFencingTokenException;
import org.dsmastery.inventory.domain.StockEvent;
import org.dsmastery.messaging.ConsumedMessage;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fenced lock around allocation, for real: Redisson fenced locks in Redis, fence
 * checks in PostgreSQL.
 */
class FencedAllocationTests extends InventoryIntegrationTest {

	@Autowired
	ReservationService reservations;

	@Autowired
	RedissonClient redisson;

	@Test
	void aHolderWhoseLeaseExpiredCannotWriteAfterTheNextHolderDid() throws Exception {
		Sku first = newProduct("SKU-FENCE-A", 10);
		Sku contested = newProduct("SKU-FENCE-B", 10);
		Map<String, Object> firstBefore = stock(first);
		OrderId paused = new OrderId(newOrderId());
		OrderId next = new OrderId(newOrderId());
		ConsumedMessage pausedMessage = new ConsumedMessage("fencing-test", UUID.randomUUID().toString(), null);
		List<ReservationLine> pausedLines = List.of(new ReservationLine(first, 3), new ReservationLine(contested, 3));
		SkuLocks shortLease = new RedissonSkuLocks(this.redisson, Duration.ofSeconds(2), Duration.ofMillis(500),
				new SimpleMeterRegistry(), ObservationRegistry.NOOP);
		AtomicReference<Optional<StockEvent>> nextOutcome = new AtomicReference<>();
		AtomicLong pausedToken = new AtomicLong();

		assertThatExceptionOfType(StaleFencingTokenException.class)
			.isThrownBy(() -> shortLease.withLocks(List.of(first, contested), (tokens) -> {
				pausedToken.set(tokens.of(contested));
				// the holder stalls past its lease (a GC pause, a frozen VM) ...
				sleep(Duration.ofMillis(1200));
				// ... meanwhile the lease ran out, and another holder takes the lock and
				// writes
				Thread other = Thread.ofPlatform()
					.start(() -> nextOutcome.set(this.reservations.reserve(
							new ReservationRequest.Reserve(next, List.of(new ReservationLine(contested, 4)),
									SagaStyle.ORCHESTRATED),
							new ConsumedMessage("fencing-test", UUID.randomUUID().toString(), null))));
				join(other);
				// ... then the stale holder wakes up and writes with its old tokens
				return this.reservations.reserveFenced(paused, pausedLines, SagaStyle.ORCHESTRATED, pausedMessage,
						tokens);
			}));

		assertThat(nextOutcome.get()).get().isInstanceOf(StockEvent.StockReserved.class);
		assertThat((Long) stock(contested).get("fence")).isGreaterThan(pausedToken.get());
		assertThat(stock(contested)).containsEntry("available", 6L).containsEntry("reserved", 4L);
		assertThat(stock(first)).as("its first write, to the uncontested sku, was rolled back too")
			.isEqualTo(firstBefore);
		assertThat(reservationStatus(paused.value())).isNull();
		assertThat(this.jdbc.queryForObject("select count(*) from processed_message where message_id = ?",
				Integer.class, pausedMessage.messageId()))
			.as("the message is not marked, so its redelivery applies")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_message where message_key = ?", Integer.class,
				paused.toString()))
			.isZero();

		// the redelivery takes the lock afresh and succeeds
		Optional<StockEvent> retried = this.reservations
			.reserve(new ReservationRequest.Reserve(paused, pausedLines, SagaStyle.ORCHESTRATED), pausedMessage);
		assertThat(retried).get().isInstanceOf(StockEvent.StockReserved.class);
		assertThat(stock(contested)).containsEntry("available", 3L).containsEntry("reserved", 7L);
		assertThat(stock(first)).containsEntry("available", 7L).containsEntry("reserved", 3L);
	}

	@Test
	void twoHundredConcurrentReservationsOfFiftyUnitsReserveExactlyFifty() throws Exception {
		Sku sku = newProduct("SKU-RUSH", 50);
		int buyers = 200;
		List<OrderId> orders = new ArrayList<>();
		for (int i = 0; i < buyers; i++) {
			orders.add(new OrderId(newOrderId()));
		}
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
		AtomicLong inconsistentSamples = new AtomicLong();
		Thread sampler = Thread.ofPlatform().start(() -> {
			while (running.get()) {
				Map<String, Object> level = stock(sku);
				long available = (Long) level.get("available");
				lowestAvailable.accumulateAndGet(available, Math::min);
				if (available + (Long) level.get("reserved") != 50) {
					inconsistentSamples.incrementAndGet();
				}
				sleep(Duration.ofMillis(5));
			}
		});

		List<StockEvent> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<StockEvent>> futures = orders.stream().map((order) -> pool.submit(() -> {
				start.await();
				return reserveLikeTheRetryTopicWould(order, sku);
			})).toList();
			start.countDown();
			for (Future<StockEvent> future : futures) {
				outcomes.add(future.get(2, TimeUnit.MINUTES));
			}
		}
		finally {
			running.set(false);
			join(sampler);
		}

		assertThat(outcomes).filteredOn(StockEvent.StockReserved.class::isInstance).hasSize(50);
		assertThat(outcomes).filteredOn(StockEvent.StockRejected.class::isInstance).hasSize(150);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from reservation r join reservation_line l using (order_id) where l.sku = ? and r.status = 'RESERVED'",
				Integer.class, sku.code()))
			.isEqualTo(50);
		assertThat(stock(sku)).containsEntry("available", 0L).containsEntry("reserved", 50L);
		assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);
		assertThat(inconsistentSamples.get()).isZero();
	}

	@Test
	void tokensCatchUpWithTheFencesWhenRedisForgetsThem() {
		Sku sku = newProduct("SKU-AMNESIA", 10);
		reserve(new OrderId(newOrderId()), sku, newCause());
		long fence = (Long) stock(sku).get("fence");
		assertThat(this.redisson.getAtomicLong(RedissonSkuLocks.tokenCounter(sku)).get()).isEqualTo(fence);

		// Redis restarts without its data: the next token would start again below the
		// fence
		this.redisson.getKeys().delete(RedissonSkuLocks.tokenCounter(sku));
		ConsumedMessage delivery = newCause();
		assertThatExceptionOfType(StaleFencingTokenException.class)
			.isThrownBy(() -> reserve(new OrderId(newOrderId()), sku, delivery));
		// the refusal raised the counter, so the redelivery goes through
		assertThat(reserve(new OrderId(newOrderId()), sku, delivery)).isInstanceOf(StockEvent.StockReserved.class);

		// and at start-up every counter catches up with its fence before anything is
		// refused
		this.redisson.getKeys().delete(RedissonSkuLocks.tokenCounter(sku));
		this.reservations.catchUpLockTokens();
		assertThat(reserve(new OrderId(newOrderId()), sku, newCause())).isInstanceOf(StockEvent.StockReserved.class);
		assertThat(stock(sku)).containsEntry("available", 7L).containsEntry("reserved", 3L);
	}

	private StockEvent reserve(OrderId order, Sku sku, ConsumedMessage cause) {
		return this.reservations
			.reserve(
					new ReservationRequest.Reserve(order, List.of(new ReservationLine(sku, 1)), SagaStyle.ORCHESTRATED),
					cause)
			.orElseThrow();
	}

	private static ConsumedMessage newCause() {
		return new ConsumedMessage("fencing-test", UUID.randomUUID().toString(), null);
	}

	/**
	 * A lock that stays taken for the whole wait fails the attempt; the listener's retry
	 * topics would deliver the message again, so the test does the same.
	 */
	private StockEvent reserveLikeTheRetryTopicWould(OrderId order, Sku sku) {
		ConsumedMessage cause = new ConsumedMessage("concurrency-test", UUID.randomUUID().toString(), null);
		ReservationRequest.Reserve request = new ReservationRequest.Reserve(order, List.of(new ReservationLine(sku, 1)),
				SagaStyle.CHOREOGRAPHED);
		for (int attempt = 1;; attempt++) {
			try {
				return this.reservations.reserve(request, cause).orElseThrow();
			}
			catch (SkuLockUnavailableException ex) {
				if (attempt == 30) {
					throw ex;
				}
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(60));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
