package org.dsmastery.payment.domain;

import java.util.Objects;

/**
 * An amount in minor units of one currency.
 *
 * @param cents the amount in minor units, not negative
 * @param currency ISO 4217 currency
 */
public record Money(long cents, String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (cents < 0) {
			throw new IllegalArgumentException("an amount is not negative: " + cents);
		}
	}

}
