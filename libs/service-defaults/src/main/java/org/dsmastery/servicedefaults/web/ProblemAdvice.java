package org.dsmastery.servicedefaults.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Base of every servlet service's {@code @RestControllerAdvice}: RFC 9457 problems with
 * stable {@code type} URIs under {@value #TYPE_BASE}, and bad input answered with 400 and
 * its field errors as JSON pointers ({@code errors[].pointer}, {@code errors[].detail}).
 *
 * <pre class="code">
 * &#64;RestControllerAdvice
 * class OrderProblems extends ProblemAdvice {
 *     &#64;ExceptionHandler
 *     ProblemDetail notFound(OrderNotFoundException ex) {
 *         return problem(HttpStatus.NOT_FOUND, type("order-not-found"), "Order not found", ex.getMessage());
 *     }
 * }
 * </pre>
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

	/** Where the platform's problem types live. */
	public static final String TYPE_BASE = ProblemTypes.TYPE_BASE;

	/** The type of every bad-input problem. */
	public static final URI INVALID_REQUEST = ProblemTypes.INVALID_REQUEST;

	private static final URI BLANK = URI.create("about:blank");

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

	/**
	 * Answers constraints on a handler's parameters (a {@code @Size} on a header or a
	 * path variable, with or next to a validated body) with 400 and each error: a body's
	 * fields as JSON pointers, a header by its name.
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body) {
				body.getFieldErrors()
					.forEach((error) -> errors.add(Map.of("pointer", pointer(error.getField()), "detail",
							String.valueOf(error.getDefaultMessage()))));
				continue;
			}
			RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
			String name = (header != null && !header.name().isEmpty()) ? header.name()
					: String.valueOf(result.getMethodParameter().getParameterName());
			result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of((header != null) ? "header" : "pointer",
						(header != null) ? name : pointer(name), "detail", String.valueOf(error.getDefaultMessage()))));
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
				"the request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Answers a path variable or query parameter of the wrong type
	 * ({@code /api/orders/abc}) with 400 and the parameter's pointer.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		Class<?> required = ex.getRequiredType();
		String expected = (required != null
				&& (Number.class.isAssignableFrom(required) || (required.isPrimitive() && required != boolean.class)))
						? "a number" : "a " + ((required != null) ? required.getSimpleName() : "value");
		ProblemDetail problem = invalid(name, "must be " + expected);
		problem.setTitle("Invalid " + name);
		String value = String.valueOf(ex.getValue());
		// the caller's own value, but an answer need not repeat kilobytes of it
		problem.setDetail(
				"'" + ((value.length() <= 32) ? value : value.substring(0, 32) + "...") + "' is not a valid " + name);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Answers a body that is not the contract's JSON with 400 and, where Jackson knows
	 * it, the offending field as a JSON pointer: malformed or truncated JSON, trailing
	 * content, a repeated key, an unknown field, or a value of the wrong JSON type (the
	 * strict mapper of {@code StrictJsonAutoConfiguration} refuses {@code 42} for a
	 * string).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Unreadable request",
				"the body is not a valid request: malformed JSON, a wrong type or an unknown field");
		JsonProblems.FieldError error = JsonProblems.fieldError(ex.getMostSpecificCause());
		if (error != null) {
			problem.setDetail(error.detail());
			if (error.pointer() != null) {
				problem.setProperty("errors", error.asErrors());
			}
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * An unrouted path: the framework's own detail ("No static resource ...") names its
	 * internals, so the answer says only that nothing is there.
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
				ProblemTypes.detailFor(404, ex.getHttpMethod().name(), path(request)));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Gives every problem the framework builds (405, 406, 415, a missing parameter, ...)
	 * the platform's type for its status instead of {@code about:blank}, and keeps the
	 * details of server errors out of the answer.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		Object problem = body;
		if (problem == null && ex instanceof ErrorResponse response) {
			// what the superclass would build, built here so that it can be typed
			problem = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (problem instanceof ProblemDetail detail) {
			typed(detail, statusCode.value());
		}
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private static String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
				: request.getDescription(false).replace("uri=", "");
	}

	private static void typed(ProblemDetail problem, int status) {
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			problem.setType(ProblemTypes.forStatus(status));
			HttpStatus known = HttpStatus.resolve(status);
			problem.setTitle(ProblemTypes.titleFor(status, (known != null) ? known.getReasonPhrase() : "Error"));
		}
		if (status >= 500) {
			problem.setDetail(ProblemTypes.detailFor(status, "", ""));
		}
	}

	/**
	 * Answers bad input found in code with 400 and the field's pointer.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		return invalid(ex.field(), ex.getMessage());
	}

	/**
	 * Answers a refusal decided in code (a shopper acting for another customer) with 403
	 * and the reason, which the code wrote for the caller. Refusals of the URL rules
	 * never get here: Spring Security answers them before any controller runs.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	/**
	 * A 400 problem about one field.
	 * @param field the field, as a dotted path ({@code lines[0].sku})
	 * @param detail what is wrong with it
	 * @return the problem
	 */
	protected static ProblemDetail invalid(String field, String detail) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail);
		problem.setProperty("errors", List.of(Map.of("pointer", pointer(field), "detail", detail)));
		return problem;
	}

	/**
	 * A problem.
	 * @param status the HTTP status
	 * @param type its stable type
	 * @param title a short summary of the type
	 * @param detail what happened this time, for people
	 * @return the problem
	 */
	protected static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		return ProblemTypes.problem(status, type, title, detail);
	}

	/**
	 * Returns a problem type of the platform.
	 * @param name the type's name, such as {@code order-not-found}
	 * @return its URI
	 */
	protected static URI type(String name) {
		return ProblemTypes.of(name);
	}

	/**
	 * Turns a bound field path into a JSON pointer: {@code lines[0].sku} becomes
	 * {@code #/lines/0/sku}.
	 * @param field the field path
	 * @return the pointer
	 */
	protected static String pointer(String field) {
		return ProblemTypes.pointer(field);
	}

}
