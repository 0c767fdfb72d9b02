package org.dsmastery.saga.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.servicedefaults.web.ProblemAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid " + ex.getName(),
				"'" + ex.getValue() + "' is not a valid " + ex.getName());
		problem.setProperty("errors", List.of(Map.of("pointer", pointer(ex.getName()), "detail", "must be a number")));
		return problem;
	}

}
