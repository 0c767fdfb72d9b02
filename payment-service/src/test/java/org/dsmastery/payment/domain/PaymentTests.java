package org.dsmastery.payment.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTests {

	private static final Instant NOW = Instant.parse("2026-11-25T16:37:23.802Z");

	private static Payment authorized() {
		return Payment.authorized(new OrderId(7), new CustomerId(42), new Money(12_498, "EUR"), SagaStyle.ORCHESTRATED,
				"auth-1", NOW);
	}

	@Test
	void isCapturedAtMostOnce() {
		Payment payment = authorized();

		assertThat(payment.capture(NOW)).isEqualTo(12_498);
		assertThat(payment.capture(NOW)).isZero();
		assertThat(payment.voidHold("too late", NOW)).isZero();
		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
	}

	@Test
	void isVoidedAtMostOnceAndThenNeverCaptured() {
		Payment payment = authorized();

		assertThat(payment.voidHold("order rejected", NOW)).isEqualTo(12_498);
		assertThat(payment.voidHold("again", NOW)).isZero();
		assertThat(payment.capture(NOW)).isZero();
		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(payment.reason()).isEqualTo("order rejected");
	}

	@Test
	void aDeclinedPaymentHoldsNothing() {
		Payment payment = Payment.declined(new OrderId(7), new CustomerId(42), new Money(12_498, "EUR"),
				SagaStyle.CHOREOGRAPHED, DeclineReason.INSUFFICIENT_CREDIT, NOW);

		assertThat(payment.voidHold("order rejected", NOW)).isZero();
		assertThat(payment.capture(NOW)).isZero();
		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
	}

}
