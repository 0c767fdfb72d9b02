package org.dsmastery.saga.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dsmastery.saga.domain.SagaCommand.AuthorizePayment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlaceOrderSagaTests {

	private static final Duration STEP = Duration.ofSeconds(10);

	private static final Duration GIVE_UP = Duration.ofSeconds(35);

	private static final SagaTimeouts TIMEOUTS = new SagaTimeouts(STEP, GIVE_UP);

	private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

	private static final List<SagaLine> LINES = List.of(new SagaLine("SKU-MOUSE", 2));

	@Test
	void happyPathReservesAuthorizesAndApproves() {
		PlaceOrderSaga.Started started = start();
		PlaceOrderSaga saga = started.saga();
		assertThat(started.commands()).containsExactly(new SagaCommand.ReserveStock(LINES));

		assertThat(saga.handle(new SagaInput.StockReserved(), T0).commands())
			.containsExactly(new SagaCommand.AuthorizePayment(42, 5000, "EUR"));
		assertThat(saga.handle(new SagaInput.PaymentAuthorized(), T0).commands())
			.containsExactly(new SagaCommand.ApproveOrder());
		SagaStep last = saga.handle(new SagaInput.OrderApproved(), T0);

		assertThat(last.to()).isEqualTo(SagaState.APPROVED);
		assertThat(last.commands()).isEmpty();
		assertThat(saga.deadline()).isNull();
	}

	@Test
	void outOfStockRejectsTheOrderWithoutReleasing() {
		PlaceOrderSaga saga = start().saga();

		SagaStep step = saga.handle(new SagaInput.StockRejected("out of stock: SKU-MOUSE"), T0);

		assertThat(step.to()).isEqualTo(SagaState.REJECTING_ORDER);
		assertThat(step.commands()).containsExactly(new SagaCommand.RejectOrder("out of stock: SKU-MOUSE"));
		assertThat(saga.handle(new SagaInput.OrderRejected("out of stock: SKU-MOUSE"), T0).to())
			.isEqualTo(SagaState.REJECTED);
	}

	@Test
	void declinedPaymentReleasesStockThenRejects() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);

		SagaStep declined = saga.handle(new SagaInput.PaymentDeclined("insufficient-credit"), T0);
		SagaStep released = saga.handle(new SagaInput.StockReleased(), T0);

		assertThat(declined.commands())
			.containsExactly(new SagaCommand.ReleaseStock("payment declined: insufficient-credit"));
		assertThat(released.commands())
			.containsExactly(new SagaCommand.RejectOrder("payment declined: insufficient-credit"));
	}

	@Test
	void anUnansweredPaymentStepIsSentAgainAtEveryDeadlineUntilItsGiveUpDeadline() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);
		AuthorizePayment authorize = new SagaCommand.AuthorizePayment(42, 5000, "EUR");

		SagaStep early = saga.handle(new SagaInput.DeadlinePassed(), T0.plusSeconds(5));
		SagaStep first = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP));
		SagaStep second = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP.multipliedBy(2)));
		SagaStep third = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP.multipliedBy(3)));

		assertThat(early.accepted()).isFalse();
		assertThat(List.of(first, second, third)).allSatisfy((step) -> {
			assertThat(step.to()).isEqualTo(SagaState.AUTHORIZING_PAYMENT);
			assertThat(step.commands()).containsExactly(authorize);
		});
		assertThat(saga.snapshot().attempt()).isEqualTo(3);
		assertThat(saga.deadline()).as("the last wait ends at the give-up deadline").isEqualTo(T0.plus(GIVE_UP));
		assertThat(saga.giveUpAt()).isEqualTo(T0.plus(GIVE_UP));
	}

	@Test
	void aParticipantThatAnswersBeforeTheGiveUpDeadlineStillApprovesTheOrder() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP));
		saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP.multipliedBy(2)));

		saga.handle(new SagaInput.StockReserved(), T0.plus(STEP.multipliedBy(2)).plusSeconds(1));
		SagaStep authorized = saga.handle(new SagaInput.PaymentAuthorized(), T0.plus(GIVE_UP));

		assertThat(authorized.to()).isEqualTo(SagaState.APPROVING_ORDER);
		assertThat(saga.snapshot().reason()).isNull();
		assertThat(saga.giveUpAt()).as("approving cannot be undone: never given up").isNull();
	}

	@Test
	void paymentGivenUpVoidsReleasesAndRejects() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);

		SagaStep resent = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP));
		SagaStep givenUp = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(GIVE_UP));

		assertThat(resent.to()).isEqualTo(SagaState.AUTHORIZING_PAYMENT);
		assertThat(givenUp.to()).isEqualTo(SagaState.VOIDING_PAYMENT);
		assertThat(givenUp.commands())
			.containsExactly(new SagaCommand.VoidPayment("step timed out: AUTHORIZING_PAYMENT"));
		assertThat(saga.handle(new SagaInput.PaymentAuthorized(), T0.plus(GIVE_UP).plusSeconds(1)).accepted())
			.as("a late authorization changes nothing: the void follows it on the same partition")
			.isFalse();
		assertThat(saga.handle(new SagaInput.PaymentVoided(), T0.plus(GIVE_UP).plusSeconds(1)).commands())
			.containsExactly(new SagaCommand.ReleaseStock("step timed out: AUTHORIZING_PAYMENT"));
	}

	@Test
	void reservationGivenUpReleasesWhateverMayHaveBeenReserved() {
		PlaceOrderSaga saga = start().saga();

		SagaStep resent = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP));
		SagaStep givenUp = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(GIVE_UP));

		assertThat(resent.commands()).containsExactly(new SagaCommand.ReserveStock(LINES));
		assertThat(givenUp.to()).isEqualTo(SagaState.RELEASING_STOCK);
		assertThat(givenUp.commands()).containsExactly(new SagaCommand.ReleaseStock("step timed out: RESERVING_STOCK"));
		assertThat(saga.giveUpAt()).as("a compensation is never given up").isNull();
	}

	@Test
	void timeoutsNeedAGiveUpDeadlineNoShorterThanAStep() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SagaTimeouts(STEP, STEP.minusSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new SagaTimeouts(Duration.ZERO, GIVE_UP));
	}

	@Test
	void stepsThatCannotBeUndoneAreSentAgainWithGrowingDeadlines() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);
		saga.handle(new SagaInput.PaymentAuthorized(), T0);

		SagaStep first = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP));
		Instant secondDeadline = saga.deadline();

		assertThat(first.to()).isEqualTo(SagaState.APPROVING_ORDER);
		assertThat(first.commands()).containsExactly(new SagaCommand.ApproveOrder());
		assertThat(secondDeadline).isEqualTo(T0.plus(STEP).plus(STEP.multipliedBy(2)));
	}

	@Test
	void duplicateAndLateRepliesChangeNothing() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);

		SagaStep duplicate = saga.handle(new SagaInput.StockReserved(), T0);

		assertThat(duplicate.accepted()).isFalse();
		assertThat(duplicate.commands()).isEmpty();
		assertThat(saga.state()).isEqualTo(SagaState.AUTHORIZING_PAYMENT);
		assertThat(saga.snapshot().version()).isEqualTo(1);
	}

	@Test
	void cancellationEndsARunningSagaAndNothingMovesItAfterwards() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);

		assertThat(saga.handle(new SagaInput.OrderCancelled("changed my mind"), T0).to())
			.isEqualTo(SagaState.CANCELLED);
		assertThat(saga.handle(new SagaInput.PaymentAuthorized(), T0).accepted()).isFalse();
		assertThat(saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP)).accepted()).isFalse();
	}

	@Test
	void restoresFromItsSnapshot() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);

		PlaceOrderSaga restored = PlaceOrderSaga.restore(saga.snapshot(), TIMEOUTS);

		assertThat(restored.snapshot()).isEqualTo(saga.snapshot());
		assertThat(restored.handle(new SagaInput.PaymentAuthorized(), T0).to()).isEqualTo(SagaState.APPROVING_ORDER);
	}

	private static PlaceOrderSaga.Started start() {
		return PlaceOrderSaga.start(7, 42, 5000, "EUR", LINES, T0, TIMEOUTS);
	}

}
