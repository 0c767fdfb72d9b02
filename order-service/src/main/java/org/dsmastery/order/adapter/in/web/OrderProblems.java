package org.dsmastery.order.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.order.domain.OrderNotFoundException;
import org.dsmastery.order.domain.OrderStateException;
import org.dsmastery.order.domain.OrderVersionConflictException;
import org.dsmastery.order.domain.PricesUnavailableException;
import org.dsmastery.order.domain.Sku;
import org.dsmastery.order.domain.UnknownSkuException;
import org.dsmastery.servicedefaults.web.ProblemAdvice;
import org.dsmastery.snowflake.IdsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the orders API as an RFC 9457 problem with a stable {@code type}; bad
 * input carries its field errors as JSON pointers.
 */
@RestControllerAdvice
class OrderProblems extends ProblemAdvice {

	private static final Logger logger = LoggerFactory.getLogger(OrderProblems.class);

	static final URI ORDER_NOT_FOUND = type("order-not-found");

	static final URI ORDER_STATE_CONFLICT = type("order-state-conflict");

	static final URI UNKNOWN_SKU = type("unknown-sku");

	static final URI DEPENDENCY_UNAVAILABLE = type("dependency-unavailable");

	@ExceptionHandler
	ProblemDetail notFound(OrderNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ORDER_NOT_FOUND, "Order not found", ex.getMessage());
	}

	@ExceptionHandler({ OrderStateException.class, OrderVersionConflictException.class })
	ProblemDetail conflict(RuntimeException ex) {
		return problem(HttpStatus.CONFLICT, ORDER_STATE_CONFLICT, "Order state conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownSku(UnknownSkuException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, UNKNOWN_SKU, "Unknown SKU", ex.getMessage());
		problem.setProperty("skus", ex.skus().stream().map(Sku::code).sorted().toList());
		return problem;
	}

	@ExceptionHandler({ PricesUnavailableException.class, IdsUnavailableException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		logger.warn("Dependency unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, DEPENDENCY_UNAVAILABLE, "Dependency unavailable",
					ex.getMessage() + "; nothing was written, retry with the same Idempotency-Key"));
	}

}
