package org.dsmastery.payment.domain;

import java.util.Objects;

/**
 * A customer's credit account. Money only moves between its buckets, so
 * {@code credit = balance + held + captured} always holds (invariant 3 of the audit; the
 * table checks it too): an authorization moves an amount from balance to held, a void
 * moves it back, a capture moves it from held to captured. Only a credit change by an
 * administrator moves the total, and the balance takes the difference.
 */
public final class Account {

	private final CustomerId customerId;

	private final String currency;

	private long credit;

	private long balance;

	private long held;

	private long captured;

	private Account(CustomerId customerId, String currency, long credit, long balance, long held, long captured) {
		this.customerId = Objects.requireNonNull(customerId, "customerId");
		this.currency = Objects.requireNonNull(currency, "currency");
		this.credit = credit;
		this.balance = balance;
		this.held = held;
		this.captured = captured;
		check();
	}

	/**
	 * Opens an account whose whole credit is available.
	 * @param customerId the customer
	 * @param credit the credit
	 * @return the account
	 */
	public static Account open(CustomerId customerId, Money credit) {
		return new Account(customerId, credit.currency(), credit.cents(), credit.cents(), 0, 0);
	}

	/**
	 * Restores an account from storage.
	 * @param customerId the customer
	 * @param currency its currency
	 * @param credit the credit
	 * @param balance what is available
	 * @param held what is held by authorizations
	 * @param captured what was charged
	 * @return the account
	 */
	public static Account restore(CustomerId customerId, String currency, long credit, long balance, long held,
			long captured) {
		return new Account(customerId, currency, credit, balance, held, captured);
	}

	/**
	 * Whether the balance covers an amount.
	 * @param amount the amount
	 * @return {@code true} if it is in the account's currency and not above the balance
	 */
	public boolean covers(Money amount) {
		return this.currency.equals(amount.currency()) && amount.cents() <= this.balance;
	}

	/**
	 * Holds an amount for an authorization: balance to held.
	 * @param amount the amount
	 * @throws IllegalStateException if the balance does not cover it
	 */
	public void hold(Money amount) {
		if (!covers(amount)) {
			throw new IllegalStateException("balance " + this.balance + " " + this.currency + " does not cover "
					+ amount.cents() + " " + amount.currency());
		}
		this.balance -= amount.cents();
		this.held += amount.cents();
		check();
	}

	/**
	 * Gives a held amount back: held to balance.
	 * @param cents the amount
	 */
	public void release(long cents) {
		this.held -= cents;
		this.balance += cents;
		check();
	}

	/**
	 * Charges a held amount: held to captured.
	 * @param cents the amount
	 */
	public void capture(long cents) {
		this.held -= cents;
		this.captured += cents;
		check();
	}

	/**
	 * Sets the credit; the balance moves by the difference.
	 * @param newCredit the new credit, not negative
	 * @throws CreditBelowCommitmentsException if the balance would become negative (more
	 * is held and captured than the new credit)
	 */
	public void changeCredit(long newCredit) {
		long newBalance = this.balance + (newCredit - this.credit);
		if (newCredit < 0 || newBalance < 0) {
			throw new CreditBelowCommitmentsException(this.customerId, newCredit, this.held + this.captured);
		}
		this.credit = newCredit;
		this.balance = newBalance;
		check();
	}

	private void check() {
		if (this.balance < 0 || this.held < 0 || this.captured < 0
				|| this.credit != this.balance + this.held + this.captured) {
			throw new IllegalStateException(
					"account " + this.customerId + " breaks credit = balance + held + captured: " + this.credit + " != "
							+ this.balance + " + " + this.held + " + " + this.captured);
		}
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public String currency() {
		return this.currency;
	}

	public long credit() {
		return this.credit;
	}

	public long balance() {
		return this.balance;
	}

	public long held() {
		return this.held;
	}

	public long captured() {
		return this.captured;
	}

}
