package org.dsmastery.payment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.dsmastery.payment.application.AccountService;
import org.dsmastery.payment.domain.Account;
import org.dsmastery.payment.domain.AccountNotFoundException;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.Payment;
import org.dsmastery.payment.domain.PaymentNotFoundException;
import org.dsmastery.servicedefaults.security.Caller;
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

	/**
	 * A customer's account, to the customer, an operator or a service; to anyone else
	 * there is no such account (404), so ids cannot be probed.
	 */
	@GetMapping("/api/accounts/{customerId}")
	AccountResponse account(@PathVariable long customerId, Caller caller) {
		CustomerId id = customerId(customerId);
		if (!caller.mayActFor(id.toString())) {
			throw new AccountNotFoundException(id);
		}
		return AccountResponse.of(this.accounts.account(id));
	}

	@PutMapping("/api/admin/accounts/{customerId}")
	AccountResponse setCredit(@PathVariable long customerId, @Valid @RequestBody SetCreditRequest request) {
		return AccountResponse.of(this.accounts.setCredit(customerId(customerId), request.creditCents()));
	}

	/**
	 * An order's payment, to its customer, an operator or a service (404 to anyone else);
	 * the payment provider's authorization id only to an operator or a service.
	 */
	@GetMapping("/api/payments/{orderId}")
	PaymentResponse payment(@PathVariable long orderId, Caller caller) {
		if (orderId <= 0) {
			throw new InvalidFieldException("orderId", "must be a positive id");
		}
		Payment payment = this.accounts.payment(new OrderId(orderId));
		if (!caller.mayActFor(payment.customerId().toString())) {
			throw new PaymentNotFoundException(payment.orderId());
		}
		return PaymentResponse.of(payment, caller.seesInternals());
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

	/**
	 * A payment on the wire; {@code authorizationId} (the provider's reference) is left
	 * out for shoppers, who have no use for it and could only leak it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PaymentResponse(String orderId, String customerId, String status, long amountCents, String currency,
			String sagaStyle, String authorizationId, String reason) {

		static PaymentResponse of(Payment payment, boolean withInternals) {
			return new PaymentResponse(payment.orderId().toString(), payment.customerId().toString(),
					payment.status().name(), payment.amount().cents(), payment.amount().currency(),
					payment.sagaStyle().name().toLowerCase(), withInternals ? payment.authorizationId() : null,
					payment.reason());
		}

	}

}
