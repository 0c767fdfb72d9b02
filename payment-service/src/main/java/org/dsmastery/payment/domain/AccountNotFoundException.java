package org.dsmastery.payment.domain;

/**
 * No account for the customer (it opens on the first authorization or credit change).
 */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(CustomerId customerId) {
		super("no account for customer " + customerId);
	}

}
