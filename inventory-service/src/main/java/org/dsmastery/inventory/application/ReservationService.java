package org.dsmastery.inventory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.inventory.domain.FencingTokens;
import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.Reservation;
import org.dsmastery.inventory.domain.ReservationChangedException;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.ReservationRepository;
import org.dsmastery.inventory.domain.SagaStyle;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StaleFencingTokenException;
import org.dsmastery.inventory.domain.StockEvent;
import org.dsmastery.inventory.domain.StockLedger;
import org.dsmastery.inventory.domain.StockLevel;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reservation use cases, each implemented once for both saga styles: reserve (all or
 * nothing), release, commit. Every one runs as: take the fenced locks of the order's skus
 * in sorted order, then one PostgreSQL transaction that marks the message processed,
 * changes the reservation and the stock rows (each write fenced by its lock's token) and
 * appends the answer to the outbox, then unlock. A stale token rolls the whole
 * transaction back.
 */
@Service
public class ReservationService {

	private static final Logger logger = LoggerFactory.getLogger(ReservationService.class);

	private static final int ATTEMPTS = 3;

	private final ReservationRepository reservations;

	private final StockLedger ledger;

	private final SkuLocks locks;

	private final IdempotentConsumer idempotent;

	private final StockEventPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	ReservationService(ReservationRepository reservations, StockLedger ledger, SkuLocks locks,
			IdempotentConsumer idempotent, StockEventPublisher publisher, Clock clock, MeterRegistry meters) {
		this.reservations = reservations;
		this.ledger = ledger;
		this.locks = locks;
		this.idempotent = idempotent;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Applies what a message asks, once per message.
	 * @param request the request
	 * @param cause the message
	 * @return the event published, empty for a duplicate or when nothing is answered
	 */
	public Optional<StockEvent> handle(ReservationRequest request, ConsumedMessage cause) {
		return switch (request) {
			case ReservationRequest.Reserve reserve -> reserve(reserve, cause);
			case ReservationRequest.Release release -> release(release, cause);
			case ReservationRequest.Commit commit -> commit(commit, cause);
		};
	}

	/**
	 * Reserves every line of an order, all or nothing. An order that already has a
	 * reservation gets its outcome again ({@code order-closed} if it was released).
	 * @param request what to reserve
	 * @param cause the message
	 * @return {@code StockReserved} or {@code StockRejected}; empty for a duplicate
	 */
	public Optional<StockEvent> reserve(ReservationRequest.Reserve request, ConsumedMessage cause) {
		List<ReservationLine> lines = merge(request.lines());
		List<Sku> skus = lines.stream().map(ReservationLine::sku).toList();
		return retrying(() -> withLocks(skus,
				(tokens) -> reserveFenced(request.orderId(), lines, request.sagaStyle(), cause, tokens)));
	}

	/**
	 * The fenced part of {@link #reserve}: what a lock holder writes with its tokens.
	 */
	Optional<StockEvent> reserveFenced(OrderId orderId, List<ReservationLine> lines, SagaStyle sagaStyle,
			ConsumedMessage cause, FencingTokens tokens) {
		return once(cause, () -> {
			Instant now = this.clock.instant();
			Optional<Reservation> existing = this.reservations.findForUpdate(orderId);
			if (existing.isPresent()) {
				return Optional.of(outcomeOf(existing.get(), now));
			}
			Map<Sku, StockLevel> levels = this.ledger.levels(lines.stream().map(ReservationLine::sku).toList());
			List<Sku> unavailable = lines.stream().filter((line) -> {
				StockLevel level = levels.get(line.sku());
				return level == null || level.available() < line.quantity();
			}).map(ReservationLine::sku).toList();
			if (!unavailable.isEmpty()) {
				Reservation rejected = Reservation.rejected(orderId, sagaStyle, unavailable, now);
				insert(rejected);
				return Optional.of(new StockEvent.StockRejected(orderId, rejected.reason(), unavailable, now));
			}
			insert(Reservation.reserved(orderId, sagaStyle, lines, now));
			for (ReservationLine line : lines) {
				this.ledger.reserve(line.sku(), line.quantity(), tokens.of(line.sku()));
			}
			return Optional.of(new StockEvent.StockReserved(orderId, lines, now));
		});
	}

	/**
	 * Gives back what an order holds. With nothing reserved yet, a tombstone refuses any
	 * later reservation of the order.
	 * @param request what to release and why
	 * @param cause the message
	 * @return {@code StockReleased}, or empty when nothing is answered (see
	 * {@link ReleaseTrigger})
	 */
	public Optional<StockEvent> release(ReservationRequest.Release request, ConsumedMessage cause) {
		return retrying(() -> {
			List<Sku> skus = this.reservations.find(request.orderId()).map(Reservation::skus).orElse(List.of());
			return withLocks(skus, (tokens) -> releaseFenced(request, cause, tokens));
		});
	}

	private Optional<StockEvent> releaseFenced(ReservationRequest.Release request, ConsumedMessage cause,
			FencingTokens tokens) {
		return once(cause, () -> {
			Instant now = this.clock.instant();
			OrderId orderId = request.orderId();
			boolean answer = request.trigger() == ReleaseTrigger.COMMAND;
			Optional<StockEvent> nothingReleased = answer
					? Optional.of(new StockEvent.StockReleased(orderId, 0, request.reason(), now)) : Optional.empty();
			Optional<Reservation> found = this.reservations.findForUpdate(orderId);
			if (found.isEmpty()) {
				if (request.trigger() != ReleaseTrigger.PAYMENT_DECLINED) {
					insert(Reservation.tombstone(orderId, answer ? SagaStyle.ORCHESTRATED : null, request.reason(),
							now));
				}
				return nothingReleased;
			}
			Reservation reservation = found.get();
			boolean release = reservation.holdsStock() && (request.trigger() != ReleaseTrigger.PAYMENT_DECLINED
					|| reservation.sagaStyle() == SagaStyle.CHOREOGRAPHED);
			if (!release) {
				return nothingReleased;
			}
			if (!tokens.cover(reservation.skus())) {
				throw new ReservationChangedException(orderId);
			}
			for (ReservationLine line : reservation.lines()) {
				this.ledger.release(line.sku(), line.quantity(), tokens.of(line.sku()));
			}
			this.reservations.update(reservation.release(request.reason(), now));
			if (reservation.sagaStyle() == SagaStyle.CHOREOGRAPHED) {
				countCompensation(request.reason());
			}
			return Optional.of(new StockEvent.StockReleased(orderId, reservation.units(), request.reason(), now));
		});
	}

	/**
	 * Sells what an approved order holds. Anything else (no reservation, already
	 * committed, released) changes nothing.
	 * @param request the order
	 * @param cause the message
	 * @return {@code StockCommitted}, or empty
	 */
	public Optional<StockEvent> commit(ReservationRequest.Commit request, ConsumedMessage cause) {
		return retrying(() -> {
			List<Sku> skus = this.reservations.find(request.orderId()).map(Reservation::skus).orElse(List.of());
			return withLocks(skus, (tokens) -> commitFenced(request.orderId(), cause, tokens));
		});
	}

	private Optional<StockEvent> commitFenced(OrderId orderId, ConsumedMessage cause, FencingTokens tokens) {
		return once(cause, () -> {
			Optional<Reservation> found = this.reservations.findForUpdate(orderId);
			if (found.isEmpty() || !found.get().holdsStock()) {
				logger.info("Order {} approved; its reservation is {}: nothing to commit", orderId,
						found.map((reservation) -> reservation.status().name()).orElse("missing"));
				return Optional.empty();
			}
			Reservation reservation = found.get();
			if (!tokens.cover(reservation.skus())) {
				throw new ReservationChangedException(orderId);
			}
			Instant now = this.clock.instant();
			for (ReservationLine line : reservation.lines()) {
				this.ledger.sell(line.sku(), line.quantity(), tokens.of(line.sku()));
			}
			this.reservations.update(reservation.commit(now));
			return Optional.of(new StockEvent.StockCommitted(orderId, reservation.units(), now));
		});
	}

	/**
	 * Makes the lock service's next tokens larger than every fence in the database: after
	 * Redis restarted without its data, tokens would start again at 1.
	 */
	public void catchUpLockTokens() {
		this.locks.catchUp(this.ledger.fences(null));
	}

	private <T> T withLocks(List<Sku> skus, Function<FencingTokens, T> work) {
		try {
			return this.locks.withLocks(skus, work);
		}
		catch (StaleFencingTokenException ex) {
			// a newer holder wrote, or the lock service forgot its counters: in the
			// second case only a raised counter lets the redelivery through
			this.locks.catchUp(this.ledger.fences(skus));
			throw ex;
		}
	}

	private StockEvent outcomeOf(Reservation reservation, Instant now) {
		return switch (reservation.status()) {
			case RESERVED, COMMITTED ->
				new StockEvent.StockReserved(reservation.orderId(), reservation.lines(), reservation.createdAt());
			case REJECTED -> new StockEvent.StockRejected(reservation.orderId(), reservation.reason(),
					reservation.unavailableSkus(), reservation.updatedAt());
			case RELEASED ->
				new StockEvent.StockRejected(reservation.orderId(), Reservation.ORDER_CLOSED, List.of(), now);
		};
	}

	/**
	 * Counts {@code saga.compensations{style="choreographed",reason}} once the release
	 * commits: in the choreographed saga the participant that undoes its step counts it
	 * (saga-orchestrator counts the orchestrated ones).
	 */
	private void countCompensation(String reason) {
		Counter counter = Counter.builder("saga.compensations")
			.description("Participant steps undone, by saga style and reason")
			.tag("style", "choreographed")
			.tag("reason", CompensationReasons.of(reason))
			.register(this.meters);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}

	private void insert(Reservation reservation) {
		if (!this.reservations.insert(reservation)) {
			throw new ReservationChangedException(reservation.orderId());
		}
	}

	/**
	 * One transaction, begun once the locks are held: the processed mark, the effect, the
	 * published answer.
	 */
	private Optional<StockEvent> once(ConsumedMessage cause, Supplier<Optional<StockEvent>> effect) {
		return this.idempotent.handleOnce(cause, () -> {
			Optional<StockEvent> event = effect.get();
			event.ifPresent((answer) -> this.publisher.publish(answer, cause));
			return event;
		});
	}

	private static <T> T retrying(Supplier<T> operation) {
		for (int attempt = 1;; attempt++) {
			try {
				return operation.get();
			}
			catch (ReservationChangedException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				logger.debug("Repeating: {}", ex.getMessage());
			}
		}
	}

	/**
	 * One line per sku, in sku order (the order locks and rows are taken in).
	 */
	private static List<ReservationLine> merge(List<ReservationLine> lines) {
		Map<Sku, Integer> merged = new TreeMap<>();
		lines.forEach((line) -> merged.merge(line.sku(), line.quantity(), Integer::sum));
		return merged.entrySet()
			.stream()
			.map((entry) -> new ReservationLine(entry.getKey(), entry.getValue()))
			.toList();
	}

}
