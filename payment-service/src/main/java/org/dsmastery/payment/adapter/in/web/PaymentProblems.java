package org.dsmastery.payment.adapter.in.web;

import java.net.URI;

import org.dsmastery.payment.domain.AccountNotFoundException;
import org.dsmastery.payment.domain.CreditBelowCommitmentsException;
import org.dsmastery.payment.domain.PaymentNotFoundException;
import org.dsmastery.servicedefaults.web.ProblemAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the payments API as an RFC 9457 problem with a stable {@code type};
 * bad input carries its field errors as JSON pointers.
 */
@RestControllerAdvice
class PaymentProblems extends ProblemAdvice {

	static final URI ACCOUNT_NOT_FOUND = type("account-not-found");

	static final URI PAYMENT_NOT_FOUND = type("payment-not-found");

	static final URI CREDIT_BELOW_COMMITMENTS = type("credit-below-commitments");

	@ExceptionHandler
	ProblemDetail accountNotFound(AccountNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail paymentNotFound(PaymentNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, PAYMENT_NOT_FOUND, "Payment not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail creditBelowCommitments(CreditBelowCommitmentsException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, CREDIT_BELOW_COMMITMENTS, "Credit below commitments",
				ex.getMessage());
	}

}
