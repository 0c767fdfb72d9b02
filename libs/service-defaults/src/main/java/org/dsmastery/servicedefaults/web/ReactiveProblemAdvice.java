package org.dsmastery.servicedefaults.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The WebFlux twin of {@link ProblemAdvice}, the base of a reactive service's
 * {@code @RestControllerAdvice}: the framework's errors (an unrouted path, 405, 406, 415,
 * a missing parameter) get the platform's type for their status, and bad input is
 * answered with 400 and its fields as JSON pointers.
 */
public abstract class ReactiveProblemAdvice extends ResponseEntityExceptionHandler {

	private static final URI BLANK = URI.create("about:blank");

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("pointer", ProblemTypes.pointer(error.getField()), "detail",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
				"Invalid request", "the request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		ProblemTraces.addTraceId(problem, exchange);
		return Mono.just(ResponseEntity.badRequest().body(problem));
	}

	/**
	 * Answers a body that is not the contract's JSON, or a path variable or parameter of
	 * the wrong type, with 400 and, where Jackson knows it, the field's pointer.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (NestedExceptionUtils.getRootCause(ex) instanceof DataBufferLimitException) {
			// the body passed spring.codec.max-in-memory-size (256 KB by default)
			return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.REQUEST_TOO_LARGE,
						"Request too large", ProblemTypes.detailFor(413, "", ""))));
		}
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
				"Invalid request", "the request is not valid: " + ex.getReason());
		JsonProblems.FieldError error = JsonProblems.fieldError(NestedExceptionUtils.getMostSpecificCause(ex));
		if (error != null) {
			problem.setDetail(error.detail());
			if (error.pointer() != null) {
				problem.setProperty("errors", error.asErrors());
			}
		}
		else if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
			String name = ex.getMethodParameter().getParameterName();
			boolean pathVariable = ex.getMethodParameter().hasParameterAnnotation(PathVariable.class);
			problem.setDetail("the " + (pathVariable ? "path variable " : "parameter ") + name + " is not valid");
			problem.setProperty("errors", List
				.of(Map.of("pointer", ProblemTypes.pointer(name), "detail", "is missing or not of the expected type")));
		}
		ProblemTraces.addTraceId(problem, exchange);
		return Mono.just(ResponseEntity.badRequest().body(problem));
	}

	/**
	 * Gives every problem the framework builds the platform's type for its status instead
	 * of {@code about:blank}, and keeps the details of server errors and of the
	 * framework's 404 ("No static resource ...") out of the answer.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		Object problem = body;
		if (problem == null && ex instanceof ErrorResponse response) {
			problem = response.updateAndGetBody(getMessageSource(), exchange.getLocaleContext().getLocale());
		}
		if (problem instanceof ProblemDetail detail) {
			typed(detail, status.value(), exchange);
			ProblemTraces.addTraceId(detail, exchange);
		}
		return super.handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	private static void typed(ProblemDetail problem, int status, ServerWebExchange exchange) {
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			problem.setType(ProblemTypes.forStatus(status));
			HttpStatus known = HttpStatus.resolve(status);
			problem.setTitle(ProblemTypes.titleFor(status, (known != null) ? known.getReasonPhrase() : "Error"));
			if (status == 404) {
				problem.setDetail(ProblemTypes.detailFor(status, exchange.getRequest().getMethod().name(),
						exchange.getRequest().getPath().value()));
			}
		}
		if (status >= 500) {
			problem.setDetail(ProblemTypes.detailFor(status, "", ""));
		}
	}

}
