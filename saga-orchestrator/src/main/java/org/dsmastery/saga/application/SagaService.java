package org.dsmastery.saga.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.dsmastery.saga.domain.PlaceOrderSaga;
import org.dsmastery.saga.domain.SagaCommand;
import org.dsmastery.saga.domain.SagaInput;
import org.dsmastery.saga.domain.SagaLine;
import org.dsmastery.saga.domain.SagaState;
import org.dsmastery.saga.domain.SagaStep;
import org.dsmastery.saga.domain.SagaTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.annotation.Transactional;

/**
 * Runs PlaceOrder sagas: starts one per orchestrated order, feeds it replies and
 * deadlines under a row lock, and stores the new state, its history and the commands it
 * sends in one transaction.
 */
public class SagaService {

	private static final Logger logger = LoggerFactory.getLogger(SagaService.class);

	private final SagaRepository sagas;

	private final SagaCommandSender commands;

	private final Clock clock;

	private final SagaTimeouts timeouts;

	private final MeterRegistry meters;

	private final Counter deadlines;

	public SagaService(SagaRepository sagas, SagaCommandSender commands, Clock clock, SagaTimeouts timeouts,
			MeterRegistry meters) {
		this.sagas = sagas;
		this.commands = commands;
		this.clock = clock;
		this.timeouts = timeouts;
		this.meters = meters;
		this.deadlines = Counter.builder("saga.step.timeouts")
			.description("Saga steps whose deadline passed: re-sent, or given up and compensated")
			.register(meters);
	}

	/**
	 * Starts the saga of an orchestrated order, once however often the order's
	 * {@code OrderPlaced} arrives.
	 * @param orderId the order
	 * @param customerId the customer
	 * @param amountCents the order total
	 * @param currency its currency
	 * @param lines what to reserve
	 * @param messageId the {@code OrderPlaced} message
	 * @return {@code true} if it started now
	 */
	@Transactional
	public boolean start(long orderId, long customerId, long amountCents, String currency, List<SagaLine> lines,
			String messageId) {
		Instant now = this.clock.instant();
		PlaceOrderSaga.Started started = PlaceOrderSaga.start(orderId, customerId, amountCents, currency, lines, now,
				this.timeouts);
		if (!this.sagas.insert(started.saga())) {
			return false;
		}
		this.sagas.record(orderId, new SagaHistoryEntry(now, SagaHistoryEntry.Kind.RECEIVED, "OrderPlaced", null,
				SagaState.RESERVING_STOCK, messageId, null));
		send(started.saga(), started.commands(), messageId, now);
		return true;
	}

	/**
	 * Feeds a reply or a fact about the order to its saga.
	 * @param orderId the order
	 * @param input what happened
	 * @param messageId the message that said so
	 * @return the step, or empty if the order has no saga (it is choreographed)
	 */
	@Transactional
	public Optional<SagaStep> handle(long orderId, SagaInput input, String messageId) {
		return this.sagas.lock(orderId).map((saga) -> apply(saga, input, messageId));
	}

	/**
	 * Applies {@link SagaInput.DeadlinePassed} to sagas whose step is overdue: each sends
	 * its command again, or compensates once a forward step's give-up deadline has
	 * passed.
	 * @param limit at most this many sagas
	 * @return how many were overdue
	 */
	@Transactional
	public int timeOutOverdue(int limit) {
		List<PlaceOrderSaga> overdue = this.sagas.lockOverdue(this.clock.instant(), limit);
		for (PlaceOrderSaga saga : overdue) {
			this.deadlines.increment();
			logger.info("Saga {}: deadline passed in {} (attempt {})", saga.orderId(), saga.state(),
					saga.snapshot().attempt() + 1);
			apply(saga, new SagaInput.DeadlinePassed(), null);
		}
		return overdue.size();
	}

	@Transactional(readOnly = true)
	public Optional<SagaView> find(long orderId) {
		return this.sagas.find(orderId);
	}

	@Transactional(readOnly = true)
	public List<SagaHistoryEntry> history(long orderId) {
		return this.sagas.history(orderId);
	}

	/**
	 * Lists sagas newest first, a page at a time.
	 * @param state only sagas in this state; {@code null} for all
	 * @param after the last saga of the previous page; {@code null} for the first page
	 * @param limit at most this many
	 * @return the sagas
	 */
	@Transactional(readOnly = true)
	public List<SagaView> page(SagaState state, SagaPosition after, int limit) {
		return this.sagas.page(state, after, limit);
	}

	private SagaStep apply(PlaceOrderSaga saga, SagaInput input, String messageId) {
		Instant now = this.clock.instant();
		SagaStep step = saga.handle(input, now);
		String type = input.getClass().getSimpleName();
		if (!step.accepted()) {
			this.sagas.record(saga.orderId(), new SagaHistoryEntry(now, SagaHistoryEntry.Kind.IGNORED, type,
					step.from(), step.to(), messageId, "does not fit " + step.from()));
			return step;
		}
		SagaHistoryEntry.Kind kind = (input instanceof SagaInput.DeadlinePassed) ? SagaHistoryEntry.Kind.TIMEOUT
				: SagaHistoryEntry.Kind.RECEIVED;
		this.sagas.update(saga);
		this.sagas.record(saga.orderId(),
				new SagaHistoryEntry(now, kind, type, step.from(), step.to(), messageId, reasonOf(input)));
		send(saga, step.commands(), messageId, now);
		if (step.to().isTerminal()) {
			Timer.builder("saga.duration")
				.description("From OrderPlaced to the saga's end")
				.tag("outcome", step.to().name().toLowerCase())
				.publishPercentileHistogram()
				.register(this.meters)
				.record(Duration.between(saga.startedAt(), now));
		}
		return step;
	}

	private void send(PlaceOrderSaga saga, List<SagaCommand> commands, String causationId, Instant now) {
		for (SagaCommand command : commands) {
			String sent = this.commands.send(saga, command, causationId);
			this.sagas.record(saga.orderId(), new SagaHistoryEntry(now, SagaHistoryEntry.Kind.SENT,
					command.getClass().getSimpleName(), saga.state(), saga.state(), sent, null));
		}
	}

	private static String reasonOf(SagaInput input) {
		return switch (input) {
			case SagaInput.StockRejected rejected -> rejected.reason();
			case SagaInput.PaymentDeclined declined -> declined.reason();
			case SagaInput.OrderRejected rejected -> rejected.reason();
			case SagaInput.OrderCancelled cancelled -> cancelled.reason();
			default -> null;
		};
	}

}
