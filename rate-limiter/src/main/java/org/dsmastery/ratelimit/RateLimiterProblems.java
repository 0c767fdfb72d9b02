package org.dsmastery.ratelimit;

import java.net.URI;

import io.lettuce.core.RedisException;
import org.dsmastery.ratelimiting.RedisUnavailableException;
import org.dsmastery.servicedefaults.web.ProblemTypes;
import org.dsmastery.servicedefaults.web.ReactiveProblemAdvice;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the rate-limiter API as an RFC 9457 problem; the framework's own
 * errors and bad input (with JSON pointers) are answered by
 * {@link ReactiveProblemAdvice}.
 */
@RestControllerAdvice
class RateLimiterProblems extends ReactiveProblemAdvice {

	static final URI INVALID_REQUEST = ProblemTypes.INVALID_REQUEST;

	static final URI LIMITER_UNAVAILABLE = ProblemTypes.of("limiter-unavailable");

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		return problem;
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

}
