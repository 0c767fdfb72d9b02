package org.dsmastery.payment.domain;

/**
 * A credit change that would leave the balance negative: more is held and captured than
 * the new credit.
 */
public class CreditBelowCommitmentsException extends RuntimeException {

	public CreditBelowCommitmentsException(CustomerId customerId, long newCredit, long committed) {
		super("customer " + customerId + " has " + committed + " held or captured, more than the new credit of "
				+ newCredit);
	}

}
