package org.dsmastery.idgen.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.idgen.worker.NoWorkerIdException;
import org.dsmastery.servicedefaults.web.ProblemAdvice;
import org.dsmastery.snowflake.ClockMovedBackwardsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of the ids API into an RFC 9457 problem with a stable {@code type}.
 */
@RestControllerAdvice
class IdProblems extends ProblemAdvice {

	private static final Logger logger = LoggerFactory.getLogger(IdProblems.class);

	static final URI INVALID_COUNT = type("invalid-count");

	static final URI MALFORMED_ID = type("malformed-id");

	static final URI CLOCK_MOVED_BACKWARDS = type("clock-moved-backwards");

	static final URI NO_WORKER_ID = type("no-worker-id");

	@ExceptionHandler
	ProblemDetail invalidCount(InvalidCountException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_COUNT, "Invalid count", ex.getMessage());
		problem.setProperty("errors",
				List.of(Map.of("pointer", "#/query/count", "detail", "must be between 1 and " + ex.max())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail malformedId(MalformedIdException ex) {
		return problem(HttpStatus.BAD_REQUEST, MALFORMED_ID, "Malformed id", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		URI type = "count".equals(ex.getName()) ? INVALID_COUNT : MALFORMED_ID;
		String detail = "'" + echo(ex.getValue()) + "' is not a valid " + ex.getName() + ": expected a whole number";
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, type, "Invalid " + ex.getName(), detail));
	}

	// the value is the caller's own, but an answer need not repeat kilobytes of it
	private static String echo(Object value) {
		String text = String.valueOf(value);
		return (text.length() <= 32) ? text : text.substring(0, 32) + "...";
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> clockMovedBackwards(ClockMovedBackwardsException ex) {
		logger.error("Refusing ids: {}", ex.getMessage());
		long retryAfterSeconds = Math.max(1, (ex.getDriftMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, CLOCK_MOVED_BACKWARDS, "Clock moved backwards",
					ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noWorkerId(NoWorkerIdException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, NO_WORKER_ID, "No worker id", ex.getMessage()));
	}

}
