package org.dsmastery.payment.domain;

import java.util.List;
import java.util.Optional;

/**
 * Stores accounts.
 */
public interface AccountRepository {

	/**
	 * Finds an account without locking it.
	 * @param customerId the customer
	 * @return the account, if any
	 */
	Optional<Account> find(CustomerId customerId);

	/**
	 * Opens the account if it does not exist, then locks it for the rest of the
	 * transaction.
	 * @param customerId the customer
	 * @param initialCredit the credit of a newly opened account
	 * @return the account, locked
	 */
	Account lock(CustomerId customerId, Money initialCredit);

	/**
	 * Writes an account's buckets.
	 * @param account the account
	 */
	void save(Account account);

	/**
	 * Returns every account.
	 * @return the accounts, by customer id
	 */
	List<Account> findAll();

}
