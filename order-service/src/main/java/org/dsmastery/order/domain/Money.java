package org.dsmastery.order.domain;

import java.util.Objects;

/**
 * An amount in minor units (cents) of a currency.
 *
 * @param cents the amount, never negative
 * @param currency ISO 4217 code
 */
public record Money(long cents, String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (cents < 0) {
			throw new IllegalArgumentException("money is never negative: " + cents);
		}
	}

	Money times(int quantity) {
		return new Money(Math.multiplyExact(this.cents, quantity), this.currency);
	}

	Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(Math.addExact(this.cents, other.cents), this.currency);
	}

}
