package org.dsmastery.inventory.domain;

import java.util.Objects;

/**
 * A unit price in minor units of a currency.
 *
 * @param cents the amount, never negative
 * @param currency ISO 4217 code
 */
public record Price(long cents, String currency) {

	public Price {
		Objects.requireNonNull(currency, "currency");
		if (cents < 0) {
			throw new IllegalArgumentException("a price is never negative: " + cents);
		}
	}

}
