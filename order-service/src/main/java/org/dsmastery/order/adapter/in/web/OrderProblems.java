package org.dsmastery.order.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.order.domain.OrderNotFoundException;
import org.dsmastery.order.domain.OrderStateException;
import org.dsmastery.order.domain.OrderVersionConflictException;
import org.dsmastery.order.domain.PricesUnavailableException;
import org.dsmastery.order.domain.UnknownSkuException;
import org.dsmastery.snowflake.IdsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the orders API as an RFC 9457 problem with a stable {@code type}; bad
 * input carries its field errors as JSON pointers.
 */
@RestControllerAdvice
class OrderProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(OrderProblems.class);

	static final URI INVALID_REQUEST = type("invalid-request");

	static final URI ORDER_NOT_FOUND = type("order-not-found");

	static final URI ORDER_STATE_CONFLICT = type("order-state-conflict");

	static final URI UNKNOWN_SKU = type("unknown-sku");

	static final URI DEPENDENCY_UNAVAILABLE = type("dependency-unavailable");

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("pointer", pointer(error.getField()), "detail",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
				"the request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Unreadable request",
					"the body is not a valid request: malformed JSON, a wrong type or an unknown field"));
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidOrderException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("pointer", pointer(ex.field()), "detail", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid " + ex.getName(),
				"'" + ex.getValue() + "' is not a valid " + ex.getName());
		problem.setProperty("errors", List.of(Map.of("pointer", pointer(ex.getName()), "detail", "must be a number")));
		return problem;
	}

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
		problem.setProperty("skus", ex.skus().stream().map((sku) -> sku.code()).sorted().toList());
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

	private static String pointer(String field) {
		return "#/" + field.replace('.', '/').replace("[", "/").replace("]", "");
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static URI type(String name) {
		return URI.create("https://dsmastery.org/problems/" + name);
	}

}
