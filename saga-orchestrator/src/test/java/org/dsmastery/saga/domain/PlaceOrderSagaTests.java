package org.dsmastery.saga.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderSagaTests {

	private static final Duration STEP = Duration.ofSeconds(10);

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
	void paymentTimeoutVoidsReleasesAndRejects() {
		PlaceOrderSaga saga = start().saga();
		saga.handle(new SagaInput.StockReserved(), T0);

		SagaStep early = saga.handle(new SagaInput.DeadlinePassed(), T0.plusSeconds(5));
		SagaStep timedOut = saga.handle(new SagaInput.DeadlinePassed(), T0.plusSeconds(10));

		assertThat(early.accepted()).isFalse();
		assertThat(timedOut.to()).isEqualTo(SagaState.VOIDING_PAYMENT);
		assertThat(timedOut.commands())
			.containsExactly(new SagaCommand.VoidPayment("step timed out: AUTHORIZING_PAYMENT"));
		assertThat(saga.handle(new SagaInput.PaymentAuthorized(), T0.plusSeconds(11)).accepted())
			.as("a late authorization changes nothing: the void follows it on the same partition")
			.isFalse();
		assertThat(saga.handle(new SagaInput.PaymentVoided(), T0.plusSeconds(11)).commands())
			.containsExactly(new SagaCommand.ReleaseStock("step timed out: AUTHORIZING_PAYMENT"));
	}

	@Test
	void reservationTimeoutReleasesWhateverMayHaveBeenReserved() {
		PlaceOrderSaga saga = start().saga();

		SagaStep step = saga.handle(new SagaInput.DeadlinePassed(), T0.plus(STEP));

		assertThat(step.to()).isEqualTo(SagaState.RELEASING_STOCK);
		assertThat(step.commands()).containsExactly(new SagaCommand.ReleaseStock("step timed out: RESERVING_STOCK"));
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

		PlaceOrderSaga restored = PlaceOrderSaga.restore(saga.snapshot(), STEP);

		assertThat(restored.snapshot()).isEqualTo(saga.snapshot());
		assertThat(restored.handle(new SagaInput.PaymentAuthorized(), T0).to()).isEqualTo(SagaState.APPROVING_ORDER);
	}

	private static PlaceOrderSaga.Started start() {
		return PlaceOrderSaga.start(7, 42, 5000, "EUR", LINES, T0, STEP);
	}

}
