package org.dsmastery.payment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccountTests {

	private static final CustomerId CUSTOMER = new CustomerId(42);

	@Test
	void moneyMovesBetweenBucketsAndTheCreditStaysTheSum() {
		Account account = Account.open(CUSTOMER, new Money(10_000, "EUR"));

		account.hold(new Money(3_000, "EUR"));
		account.hold(new Money(2_000, "EUR"));
		account.capture(3_000);
		account.release(2_000);

		assertThat(account.credit()).isEqualTo(10_000);
		assertThat(account.balance()).isEqualTo(7_000);
		assertThat(account.held()).isZero();
		assertThat(account.captured()).isEqualTo(3_000);
	}

	@Test
	void coversOnlyWhatTheBalanceHoldsInItsCurrency() {
		Account account = Account.open(CUSTOMER, new Money(5_000, "EUR"));

		assertThat(account.covers(new Money(5_000, "EUR"))).isTrue();
		assertThat(account.covers(new Money(5_001, "EUR"))).isFalse();
		assertThat(account.covers(new Money(1, "USD"))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> account.hold(new Money(5_001, "EUR")));
		assertThat(account.balance()).isEqualTo(5_000);
	}

	@Test
	void aCreditChangeMovesTheBalanceByTheDifference() {
		Account account = Account.open(CUSTOMER, new Money(10_000, "EUR"));
		account.hold(new Money(4_000, "EUR"));

		account.changeCredit(6_000);
		assertThat(account.balance()).isEqualTo(2_000);
		account.changeCredit(4_000);
		assertThat(account.balance()).isZero();

		assertThatExceptionOfType(CreditBelowCommitmentsException.class).isThrownBy(() -> account.changeCredit(3_999));
		assertThat(account.credit()).isEqualTo(4_000);
		assertThat(account.held()).isEqualTo(4_000);
	}

}
