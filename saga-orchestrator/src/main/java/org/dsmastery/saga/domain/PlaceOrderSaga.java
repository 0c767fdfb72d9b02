package org.dsmastery.saga.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.dsmastery.saga.domain.SagaCommand.ApproveOrder;
import org.dsmastery.saga.domain.SagaCommand.AuthorizePayment;
import org.dsmastery.saga.domain.SagaCommand.RejectOrder;
import org.dsmastery.saga.domain.SagaCommand.ReleaseStock;
import org.dsmastery.saga.domain.SagaCommand.ReserveStock;
import org.dsmastery.saga.domain.SagaCommand.VoidPayment;

/**
 * The PlaceOrder saga of one order as a state machine: reserve stock, authorize payment,
 * approve the order; on a rejection, a decline or a deadline, undo what was done in
 * reverse order and reject the order.
 *
 * <pre>
 * RESERVING_STOCK --StockReserved--> AUTHORIZING_PAYMENT --PaymentAuthorized--> APPROVING_ORDER --OrderApproved--> APPROVED
 *        |  StockRejected ------------------------------------------------------> REJECTING_ORDER --OrderRejected--> REJECTED
 *        |  give-up deadline --> RELEASING_STOCK --StockReleased--> REJECTING_ORDER
 * AUTHORIZING_PAYMENT --PaymentDeclined--> RELEASING_STOCK
 * AUTHORIZING_PAYMENT --give-up deadline--> VOIDING_PAYMENT --PaymentVoided--> RELEASING_STOCK
 * any running state --OrderCancelled--> CANCELLED
 * </pre>
 *
 * A step's deadline sends its command again: the participants apply each command once, by
 * order id, and answer a repeat with the outcome they already reached, so a participant
 * that was down or slow for a while still decides the order. A forward step (reserving,
 * authorizing) is re-sent every {@link SagaTimeouts#step()} until its give-up deadline
 * ({@link SagaTimeouts#giveUp()}, counted from the step's start), then compensated. The
 * steps that cannot be undone (approving, and every compensation) are re-sent with a
 * growing deadline and never given up. Plain Java: the application layer loads the saga
 * under a row lock, feeds it one input, and stores it together with the commands it asks
 * for.
 */
public final class PlaceOrderSaga {

	private static final int MAX_DEADLINE_FACTOR = 8;

	private final long orderId;

	private final long customerId;

	private final long amountCents;

	private final String currency;

	private final List<SagaLine> lines;

	private final Instant startedAt;

	private final SagaTimeouts timeouts;

	private SagaState state;

	private String reason;

	private int attempt;

	private Instant deadline;

	private Instant giveUpAt;

	private int version;

	private PlaceOrderSaga(long orderId, long customerId, long amountCents, String currency, List<SagaLine> lines,
			Instant startedAt, SagaTimeouts timeouts) {
		if (lines.isEmpty() || amountCents < 0) {
			throw new IllegalArgumentException("a saga needs lines and a non-negative amount");
		}
		this.orderId = orderId;
		this.customerId = customerId;
		this.amountCents = amountCents;
		this.currency = Objects.requireNonNull(currency);
		this.lines = List.copyOf(lines);
		this.startedAt = startedAt;
		this.timeouts = Objects.requireNonNull(timeouts);
	}

	/**
	 * Starts the saga of a newly placed order: its first step reserves the stock.
	 * @param orderId the order, which is also the saga's id
	 * @param customerId the customer
	 * @param amountCents the order total
	 * @param currency the currency of the total
	 * @param lines what to reserve
	 * @param now the current time
	 * @param timeouts how long it waits on a step before re-sending it, and before giving
	 * up on it
	 * @return the saga and its first step
	 */
	public static Started start(long orderId, long customerId, long amountCents, String currency, List<SagaLine> lines,
			Instant now, SagaTimeouts timeouts) {
		PlaceOrderSaga saga = new PlaceOrderSaga(orderId, customerId, amountCents, currency, lines, now, timeouts);
		return new Started(saga, saga.moveTo(SagaState.RESERVING_STOCK, now));
	}

	/**
	 * Rebuilds a stored saga.
	 * @param snapshot the stored fields
	 * @param timeouts how long it waits on a step
	 * @return the saga
	 */
	public static PlaceOrderSaga restore(Snapshot snapshot, SagaTimeouts timeouts) {
		PlaceOrderSaga saga = new PlaceOrderSaga(snapshot.orderId(), snapshot.customerId(), snapshot.amountCents(),
				snapshot.currency(), snapshot.lines(), snapshot.startedAt(), timeouts);
		saga.state = snapshot.state();
		saga.reason = snapshot.reason();
		saga.attempt = snapshot.attempt();
		saga.deadline = snapshot.deadline();
		saga.giveUpAt = snapshot.giveUpAt();
		saga.version = snapshot.version();
		return saga;
	}

	/**
	 * Feeds one input to the saga.
	 * @param input what happened
	 * @param now the current time
	 * @return the transition and the commands to send
	 */
	public SagaStep handle(SagaInput input, Instant now) {
		SagaState from = this.state;
		if (from.isTerminal()) {
			return SagaStep.ignored(input, from);
		}
		List<SagaCommand> commands = switch (input) {
			case SagaInput.OrderApproved approved -> end(SagaState.APPROVED, null);
			case SagaInput.OrderRejected rejected -> end(SagaState.REJECTED, rejected.reason());
			case SagaInput.OrderCancelled cancelled -> end(SagaState.CANCELLED, cancelled.reason());
			case SagaInput.DeadlinePassed passed -> deadlinePassed(now);
			default -> reply(input, now);
		};
		if (commands == null) {
			return SagaStep.ignored(input, from);
		}
		this.version++;
		return new SagaStep(input, from, this.state, commands, true);
	}

	private List<SagaCommand> reply(SagaInput input, Instant now) {
		return switch (this.state) {
			case RESERVING_STOCK -> switch (input) {
				case SagaInput.StockReserved reserved -> moveTo(SagaState.AUTHORIZING_PAYMENT, now);
				case SagaInput.StockRejected rejected -> compensate(SagaState.REJECTING_ORDER, rejected.reason(), now);
				default -> null;
			};
			case AUTHORIZING_PAYMENT -> switch (input) {
				case SagaInput.PaymentAuthorized authorized -> moveTo(SagaState.APPROVING_ORDER, now);
				case SagaInput.PaymentDeclined declined ->
					compensate(SagaState.RELEASING_STOCK, "payment declined: " + declined.reason(), now);
				default -> null;
			};
			case VOIDING_PAYMENT ->
				(input instanceof SagaInput.PaymentVoided) ? moveTo(SagaState.RELEASING_STOCK, now) : null;
			case RELEASING_STOCK ->
				(input instanceof SagaInput.StockReleased) ? moveTo(SagaState.REJECTING_ORDER, now) : null;
			default -> null;
		};
	}

	private List<SagaCommand> deadlinePassed(Instant now) {
		if (this.deadline == null || now.isBefore(this.deadline)) {
			return null;
		}
		if (this.giveUpAt != null && !now.isBefore(this.giveUpAt)) {
			String why = "step timed out: " + this.state;
			return switch (this.state) {
				case RESERVING_STOCK -> compensate(SagaState.RELEASING_STOCK, why, now);
				case AUTHORIZING_PAYMENT -> compensate(SagaState.VOIDING_PAYMENT, why, now);
				default -> throw new IllegalStateException("only forward steps give up, not " + this.state);
			};
		}
		this.attempt++;
		if (this.giveUpAt != null) {
			this.deadline = earliest(now.plus(this.timeouts.step()), this.giveUpAt);
		}
		else {
			int factor = Math.min(this.attempt + 1, MAX_DEADLINE_FACTOR);
			this.deadline = now.plus(this.timeouts.step().multipliedBy(factor));
		}
		return List.of(command());
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private List<SagaCommand> compensate(SagaState next, String why, Instant now) {
		this.reason = why;
		return moveTo(next, now);
	}

	private List<SagaCommand> moveTo(SagaState next, Instant now) {
		this.state = next;
		this.attempt = 0;
		this.deadline = now.plus(this.timeouts.step());
		boolean forward = next == SagaState.RESERVING_STOCK || next == SagaState.AUTHORIZING_PAYMENT;
		this.giveUpAt = forward ? now.plus(this.timeouts.giveUp()) : null;
		if (forward) {
			this.deadline = earliest(this.deadline, this.giveUpAt);
		}
		return List.of(command());
	}

	private List<SagaCommand> end(SagaState terminal, String why) {
		this.state = terminal;
		if (why != null && this.reason == null) {
			this.reason = why;
		}
		this.deadline = null;
		this.giveUpAt = null;
		return List.of();
	}

	/**
	 * Returns the command of the current step.
	 * @return the command the saga waits on a reply to
	 */
	private SagaCommand command() {
		return switch (this.state) {
			case RESERVING_STOCK -> new ReserveStock(this.lines);
			case AUTHORIZING_PAYMENT -> new AuthorizePayment(this.customerId, this.amountCents, this.currency);
			case APPROVING_ORDER -> new ApproveOrder();
			case VOIDING_PAYMENT -> new VoidPayment(this.reason);
			case RELEASING_STOCK -> new ReleaseStock(this.reason);
			case REJECTING_ORDER -> new RejectOrder(this.reason);
			case APPROVED, REJECTED, CANCELLED -> throw new IllegalStateException("a finished saga sends nothing");
		};
	}

	public long orderId() {
		return this.orderId;
	}

	public SagaState state() {
		return this.state;
	}

	public Instant deadline() {
		return this.deadline;
	}

	public Instant giveUpAt() {
		return this.giveUpAt;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * Returns the fields to store.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		return new Snapshot(this.orderId, this.customerId, this.amountCents, this.currency, this.lines, this.startedAt,
				this.state, this.reason, this.attempt, this.deadline, this.giveUpAt, this.version);
	}

	/**
	 * A saga's stored fields.
	 *
	 * @param orderId the order and saga id
	 * @param customerId the customer
	 * @param amountCents the order total
	 * @param currency its currency
	 * @param lines what is reserved
	 * @param startedAt when the saga started
	 * @param state the current state
	 * @param reason why it compensates, if it does
	 * @param attempt how often the current step's command was re-sent
	 * @param deadline when the current step's command is sent again, or the step given
	 * up; {@code null} once terminal
	 * @param giveUpAt when a forward step is given up and compensated; {@code null} in
	 * the other steps
	 * @param version how many inputs changed it
	 */
	public record Snapshot(long orderId, long customerId, long amountCents, String currency, List<SagaLine> lines,
			Instant startedAt, SagaState state, String reason, int attempt, Instant deadline, Instant giveUpAt,
			int version) {
	}

	/**
	 * A new saga and the commands of its first step.
	 *
	 * @param saga the saga
	 * @param commands what to send
	 */
	public record Started(PlaceOrderSaga saga, List<SagaCommand> commands) {
	}

}
