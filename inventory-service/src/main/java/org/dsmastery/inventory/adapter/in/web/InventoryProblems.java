package org.dsmastery.inventory.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.inventory.domain.ProductNotFoundException;

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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the catalogue API as an RFC 9457 problem with a stable {@code type}.
 */
@RestControllerAdvice
class InventoryProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_REQUEST = URI.create("https://dsmastery.org/problems/invalid-request");

	static final URI PRODUCT_NOT_FOUND = URI.create("https://dsmastery.org/problems/product-not-found");

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("pointer", "#/" + error.getField(), "detail",
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
	ProblemDetail invalid(InvalidRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("pointer", "#/" + ex.field(), "detail", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(ProductNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, PRODUCT_NOT_FOUND, "Product not found", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
