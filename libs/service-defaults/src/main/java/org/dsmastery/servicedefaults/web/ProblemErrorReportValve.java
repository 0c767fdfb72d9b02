package org.dsmastery.servicedefaults.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on an error no application code answered: a request Tomcat refuses
 * before any servlet runs (a header larger than
 * {@code server.max-http-request-header-size} gets 431, a malformed request line 400), or
 * an error page that itself failed. Tomcat's own valve answers those with an HTML page
 * or, as Boot configures it, an empty body; this one writes the platform's problem, with
 * no server name, exception or stack trace.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	// Tomcat's own message, in the same locale as the one it throws
	private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (status == 400 && isHeaderTooLarge(throwable)) {
			// Tomcat answers 400; RFC 6585 has the precise status
			status = 431;
			response.setStatus(status);
		}
		HttpStatus known = HttpStatus.resolve(status);
		String method = (request.getMethod() != null) ? request.getMethod() : "";
		String path = (request.getDecodedRequestURI() != null) ? request.getDecodedRequestURI() : "";
		String body = ProblemTypes.json(status, (known != null) ? known.getReasonPhrase() : "Error", method, path);
		// bytes, not Tomcat's writer, which would add a charset parameter that no other
		// problem of the platform has (the JSON is ASCII: ProblemTypes escapes the rest)
		byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
		try {
			response.setContentType("application/problem+json");
			response.setContentLength(bytes.length);
			OutputStream out = response.getOutputStream();
			out.write(bytes);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot be written any more: nothing to
			// tell
		}
	}

	private static boolean isHeaderTooLarge(Throwable throwable) {
		return throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(throwable.getMessage());
	}

}
