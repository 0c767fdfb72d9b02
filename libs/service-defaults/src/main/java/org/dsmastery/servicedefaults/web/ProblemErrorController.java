package org.dsmastery.servicedefaults.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: whatever failed outside a controller (a filter's
 * exception, a {@code sendError} from the framework or a filter) is answered here with a
 * problem of the platform's type for its status, in place of Boot's
 * {@code BasicErrorController}, whose body is not RFC 9457 and names the exception.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// no error attribute: a client asked for the error page itself, which is not an
		// API
		int status = (code instanceof Integer value) ? value : 404;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		HttpStatus known = HttpStatus.resolve(status);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(ProblemTypes.forStatus(status));
		problem.setTitle(ProblemTypes.titleFor(status, (known != null) ? known.getReasonPhrase() : "Error"));
		problem.setDetail(ProblemTypes.detailFor(status, request.getMethod(), path));
		// a content type set here is written whatever the Accept header asks for
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
