package org.dsmastery.payment.adapter.in.web;

import java.util.List;

import org.dsmastery.payment.application.AccountService;
import org.dsmastery.payment.domain.Account;
import org.dsmastery.payment.domain.Payment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/payments}: what the platform audit checks of payment-service
 * (invariants 3 to 5): every account's buckets, every payment, the orders the provider
 * authorized twice, and the outbox backlog.
 */
@RestController
class PaymentAuditController {

	private final AccountService accounts;

	PaymentAuditController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/audit/payments")
	AuditResponse audit() {
		AccountService.Audit audit = this.accounts.audit();
		return new AuditResponse(audit.accounts().stream().map(AccountEntry::of).toList(),
				audit.payments().stream().map(PaymentEntry::of).toList(), audit.providerDuplicates(),
				audit.outboxBacklog());
	}

	record AuditResponse(List<AccountEntry> accounts, List<PaymentEntry> payments, List<String> providerDuplicates,
			long outboxBacklog) {
	}

	record AccountEntry(String customerId, long creditCents, long balanceCents, long heldCents, long capturedCents) {

		static AccountEntry of(Account account) {
			return new AccountEntry(account.customerId().toString(), account.credit(), account.balance(),
					account.held(), account.captured());
		}

	}

	record PaymentEntry(String orderId, String customerId, String status, long amountCents) {

		static PaymentEntry of(Payment payment) {
			return new PaymentEntry(payment.orderId().toString(), payment.customerId().toString(),
					payment.status().name(), payment.amount().cents());
		}

	}

}
