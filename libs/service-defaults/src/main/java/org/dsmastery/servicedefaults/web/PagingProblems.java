package org.dsmastery.servicedefaults.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.servicedefaults.web.paging.InvalidCursorException;
import org.dsmastery.servicedefaults.web.paging.InvalidPageSizeException;
import org.dsmastery.servicedefaults.web.paging.Paging;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of a bad page request, for every service's list endpoints: 400
 * {@code invalid-page-size} (with {@code maxSize}) and 400 {@code invalid-cursor}, each
 * with a pointer to the query parameter. First among the advice, so that no service's
 * catch-all answers them. Registered for every servlet service by
 * {@link ServletProblemsAutoConfiguration}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagingProblems {

	/** A {@code size} outside 1 to {@value Paging#MAX_SIZE}, or not a number. */
	public static final URI INVALID_PAGE_SIZE = ProblemTypes.of("invalid-page-size");

	/** A {@code cursor} the list did not issue. */
	public static final URI INVALID_CURSOR = ProblemTypes.of("invalid-cursor");

	@ExceptionHandler
	ProblemDetail invalidPageSize(InvalidPageSizeException ex) {
		ProblemDetail problem = queryProblem(INVALID_PAGE_SIZE, "Invalid page size", "size", ex.getMessage());
		problem.setProperty("maxSize", Paging.MAX_SIZE);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidCursor(InvalidCursorException ex) {
		return queryProblem(INVALID_CURSOR, "Invalid cursor", "cursor",
				ex.getMessage() + "; start again without a cursor, or use the next cursor of the previous page");
	}

	private static ProblemDetail queryProblem(URI type, String title, String parameter, String detail) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, type, title, detail);
		problem.setProperty("errors", List.of(Map.of("pointer", ProblemTypes.pointer(parameter), "detail", detail)));
		return problem;
	}

}
