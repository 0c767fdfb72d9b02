package org.dsmastery.saga.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs PlaceOrder sagas: starts one per orchestrated order, feeds it replies and
 * deadlines under a row lock, and stores the new state, its history and the commands it
 * sends in one transaction.
 * <p>
 * Every step (a start, a reply, a deadline) runs in an Observation {@code saga.step}: a
 * span of its own in the order's trace (inside the listener's span, around the outbox
 * append of the next command) and the timer {@code saga.step}. Its low-cardinality keys
 * are {@code saga.step} (the state the step answered, {@code start} for the start),
 * {@code saga.style}, {@code saga.state} (the state after) and {@code outcome}; its
 * high-cardinality keys {@code saga.id}, {@code order.id} and {@code saga.input}. Saga
 * durations and compensations are counted once their transaction commits.
 */
public class SagaService {

	private static final Logger logger = LoggerFactory.getLogger(SagaService.class);

	private static final String ORCHESTRATED = "orchestrated";

	private static final String START = "start";

	private static final String STATE = "saga.state";

	private static final String OUTCOME = "outcome";

	private final SagaRepository sagas;

	private final SagaCommandSender commands;

	private final Clock clock;

	private final SagaTimeouts timeouts;

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final Counter deadlines;

	public SagaService(SagaRepository sagas, SagaCommandSender commands, Clock clock, SagaTimeouts timeouts,
			MeterRegistry meters, ObservationRegistry observations) {
		this.sagas = sagas;
		this.commands = commands;
		this.clock = clock;
		this.timeouts = timeouts;
		this.meters = meters;
		this.observations = observations;
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
		Observation observation = stepObservation(orderId, START, "OrderPlaced", SagaState.RESERVING_STOCK);
		return observation.observe(() -> {
			Instant now = this.clock.instant();
			PlaceOrderSaga.Started started = PlaceOrderSaga.start(orderId, customerId, amountCents, currency, lines,
					now, this.timeouts);
			if (!this.sagas.insert(started.saga())) {
				observation.lowCardinalityKeyValue(OUTCOME, "ignored");
				return false;
			}
			this.sagas.record(orderId, new SagaHistoryEntry(now, SagaHistoryEntry.Kind.RECEIVED, "OrderPlaced", null,
					SagaState.RESERVING_STOCK, messageId, null));
			send(started.saga(), started.commands(), messageId, now);
			observation.lowCardinalityKeyValue(OUTCOME, "started");
			return true;
		});
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
		String type = input.getClass().getSimpleName();
		Observation observation = stepObservation(saga.orderId(), valueOf(saga.state()), type, saga.state());
		return observation.observe(() -> {
			SagaStep step = applyObserved(saga, input, type, messageId);
			observation.lowCardinalityKeyValue(STATE, valueOf(step.to()))
				.lowCardinalityKeyValue(OUTCOME, outcomeOf(step));
			return step;
		});
	}

	private SagaStep applyObserved(PlaceOrderSaga saga, SagaInput input, String type, String messageId) {
		Instant now = this.clock.instant();
		SagaStep step = saga.handle(input, now);
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
		logger.info("Saga {}: {} in {} -> {}", saga.orderId(), type, step.from(), step.to());
		if (step.to() != step.from()
				&& (step.to() == SagaState.VOIDING_PAYMENT || step.to() == SagaState.RELEASING_STOCK)) {
			// an undo of a participant's step begins: void a hold, release a reservation
			String reason = CompensationReasons.of(saga.snapshot().reason());
			afterCommit(() -> Counter.builder("saga.compensations")
				.description("Participant steps undone, by saga style and reason")
				.tag("style", ORCHESTRATED)
				.tag("reason", reason)
				.register(this.meters)
				.increment());
		}
		if (step.to().isTerminal()) {
			Duration duration = Duration.between(saga.startedAt(), now);
			afterCommit(() -> Timer.builder("saga.duration")
				.description("From OrderPlaced to the saga's end")
				.tag("style", ORCHESTRATED)
				.tag("outcome", valueOf(step.to()))
				.publishPercentileHistogram()
				.maximumExpectedValue(Duration.ofMinutes(10))
				.register(this.meters)
				.record(duration));
		}
		return step;
	}

	private Observation stepObservation(long orderId, String step, String input, SagaState state) {
		String id = Long.toString(orderId);
		return Observation.createNotStarted("saga.step", this.observations)
			.contextualName("saga.step " + step)
			.lowCardinalityKeyValue("saga.step", step)
			.lowCardinalityKeyValue("saga.style", ORCHESTRATED)
			.lowCardinalityKeyValue(STATE, valueOf(state))
			// replaced once the step ends; an exception leaves "error"
			.lowCardinalityKeyValue(OUTCOME, "error")
			.highCardinalityKeyValue("saga.id", id)
			.highCardinalityKeyValue("order.id", id)
			.highCardinalityKeyValue("saga.input", input);
	}

	/**
	 * What a step came to: {@code ignored} (a late or duplicate input), {@code resent} (a
	 * deadline sent the step's command again), {@code timed-out} (a deadline gave the
	 * step up and compensates), {@code compensating} (a refusal starts the undo),
	 * {@code completed} (the saga ended) or {@code advanced}.
	 */
	private static String outcomeOf(SagaStep step) {
		if (!step.accepted()) {
			return "ignored";
		}
		if (step.input() instanceof SagaInput.DeadlinePassed) {
			return (step.from() == step.to()) ? "resent" : "timed-out";
		}
		if (step.to().isTerminal()) {
			return "completed";
		}
		if (step.to().isCompensating() && !step.from().isCompensating()) {
			return "compensating";
		}
		return "advanced";
	}

	/**
	 * A state as a tag value: {@code AUTHORIZING_PAYMENT} is {@code authorizing-payment}.
	 */
	private static String valueOf(SagaState state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
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
