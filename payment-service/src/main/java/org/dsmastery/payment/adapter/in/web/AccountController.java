package org.dsmastery.payment.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.dsmastery.payment.application.AccountService;
import org.dsmastery.payment.domain.Account;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.Payment;
import org.dsmastery.servicedefaults.web.InvalidFieldException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and payments: lookups, and the credit administration.
 */
@RestController
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/accounts/{customerId}")
	AccountResponse account(@PathVariable long customerId) {
		return AccountResponse.of(this.accounts.account(customerId(customerId)));
	}

	@PutMapping("/api/admin/accounts/{customerId}")
	AccountResponse setCredit(@PathVariable long customerId, @Valid @RequestBody SetCreditRequest request) {
		return AccountResponse.of(this.accounts.setCredit(customerId(customerId), request.creditCents()));
	}

	@GetMapping("/api/payments/{orderId}")
	PaymentResponse payment(@PathVariable long orderId) {
		if (orderId <= 0) {
			throw new InvalidFieldException("orderId", "must be a positive id");
		}
		return PaymentResponse.of(this.accounts.payment(new OrderId(orderId)));
	}

	private static CustomerId customerId(long value) {
		if (value <= 0) {
			throw new InvalidFieldException("customerId", "must be a positive id");
		}
		return new CustomerId(value);
	}

	record SetCreditRequest(@NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long creditCents) {
	}

	record AccountResponse(String customerId, long creditCents, long balanceCents, long heldCents, long capturedCents,
			String currency) {

		static AccountResponse of(Account account) {
			return new AccountResponse(account.customerId().toString(), account.credit(), account.balance(),
					account.held(), account.captured(), account.currency());
		}

	}

	record PaymentResponse(String orderId, String customerId, String status, long amountCents, String currency,
			String sagaStyle, String authorizationId, String reason) {

		static PaymentResponse of(Payment payment) {
			return new PaymentResponse(payment.orderId().toString(), payment.customerId().toString(),
					payment.status().name(), payment.amount().cents(), payment.amount().currency(),
					payment.sagaStyle().name().toLowerCase(), payment.authorizationId(), payment.reason());
		}

	}

}
