package org.dsmastery.ratelimit;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisException;
import org.dsmastery.ratelimiting.RedisUnavailableException;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every failure of the rate-limiter API as an RFC 9457 problem.
 */
@RestControllerAdvice
class RateLimiterProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_REQUEST = URI.create("https://dsmastery.org/problems/invalid-request");

	static final URI LIMITER_UNAVAILABLE = URI.create("https://dsmastery.org/problems/limiter-unavailable");

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("pointer",
					"#/" + error.getField().replace('.', '/').replace("[", "/").replace("]", ""), "detail",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = problem("the request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		return Mono.just(ResponseEntity.badRequest().body(problem));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		PathVariable variable = (parameter != null) ? parameter.getParameterAnnotation(PathVariable.class) : null;
		String detail = (variable != null) ? "the path variable " + parameter.getParameterName() + " is not valid"
				: "the body is not a valid request: malformed JSON, a wrong type or an unknown field";
		return Mono.just(ResponseEntity.badRequest().body(problem(detail)));
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(ex.getMessage());
	}

	/**
	 * Redis cannot decide (not connected yet, timed out, gone): 503, so callers fall back
	 * or retry instead of treating it as a bug.
	 * @param ex what failed
	 * @return the problem
	 */
	@ExceptionHandler({ RedisUnavailableException.class, RedisException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"rate-limit decisions need Redis, which does not answer: " + ex.getMessage());
		problem.setType(LIMITER_UNAVAILABLE);
		problem.setTitle("Rate limiter unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		return problem;
	}

}
