package org.dsmastery.payment.application;

import java.util.List;

import org.dsmastery.payment.domain.Account;
import org.dsmastery.payment.domain.AccountNotFoundException;
import org.dsmastery.payment.domain.AccountRepository;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.Payment;
import org.dsmastery.payment.domain.PaymentNotFoundException;
import org.dsmastery.payment.domain.PaymentRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and payments as people see them: credit administration, lookups and the audit.
 */
@Service
public class AccountService {

	private final AccountRepository accounts;

	private final PaymentRepository payments;

	private final AuditQueries audit;

	private final CreditPolicy policy;

	AccountService(AccountRepository accounts, PaymentRepository payments, AuditQueries audit, CreditPolicy policy) {
		this.accounts = accounts;
		this.payments = payments;
		this.audit = audit;
		this.policy = policy;
	}

	/**
	 * Sets a customer's credit, opening the account if missing; the balance moves by the
	 * difference.
	 * @param customerId the customer
	 * @param creditCents the new credit
	 * @return the account
	 * @throws org.dsmastery.payment.domain.CreditBelowCommitmentsException if more is
	 * held and captured than the new credit
	 */
	@Transactional
	public Account setCredit(CustomerId customerId, long creditCents) {
		Account account = this.accounts.lock(customerId,
				new Money(creditCents, this.policy.defaultCredit().currency()));
		account.changeCredit(creditCents);
		this.accounts.save(account);
		return account;
	}

	/**
	 * Returns a customer's account.
	 * @param customerId the customer
	 * @return the account
	 * @throws AccountNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Account account(CustomerId customerId) {
		return this.accounts.find(customerId).orElseThrow(() -> new AccountNotFoundException(customerId));
	}

	/**
	 * Returns an order's payment.
	 * @param orderId the order
	 * @return the payment
	 * @throws PaymentNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Payment payment(OrderId orderId) {
		return this.payments.find(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
	}

	/**
	 * Returns everything the invariant audit checks, read in one snapshot.
	 * @return the audit
	 */
	@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	public Audit audit() {
		return new Audit(this.accounts.findAll(), this.payments.findAll(), this.audit.providerDuplicates(),
				this.audit.outboxBacklog());
	}

	/**
	 * The audit's view of payment-service.
	 *
	 * @param accounts every account
	 * @param payments every payment
	 * @param providerDuplicates orders the provider authorized more than once
	 * @param outboxBacklog messages waiting in the outbox
	 */
	public record Audit(List<Account> accounts, List<Payment> payments, List<String> providerDuplicates,
			long outboxBacklog) {
	}

}
