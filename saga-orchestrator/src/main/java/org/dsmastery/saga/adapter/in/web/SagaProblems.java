package org.dsmastery.saga.adapter.in.web;

import java.net.URI;

import org.dsmastery.servicedefaults.web.ProblemAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures of the sagas API as RFC 9457 problems.
 */
@RestControllerAdvice
class SagaProblems extends ProblemAdvice {

	static final URI SAGA_NOT_FOUND = type("saga-not-found");

	@ExceptionHandler
	ProblemDetail notFound(SagaNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, SAGA_NOT_FOUND, "Saga not found", ex.getMessage());
	}

}
