package org.dsmastery.payment.application;

import java.util.Objects;

import org.dsmastery.payment.domain.Money;

/**
 * How accounts open.
 *
 * @param defaultCredit the credit of an account opened by a customer's first
 * authorization
 */
public record CreditPolicy(Money defaultCredit) {

	public CreditPolicy {
		Objects.requireNonNull(defaultCredit, "defaultCredit");
	}

}
