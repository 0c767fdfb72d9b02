package org.dsmastery.servicedefaults.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The last handler of a reactive service's errors (the gateway's, the rate-limiter's):
 * whatever no controller advice answered (an unrouted path, a method or media type no
 * handler takes, a route's failure, an unexpected exception) becomes the platform's
 * problem, with the headers the error carries ({@code Allow} on a 405) and without the
 * details of a server error, which go to the log instead. It stands in for Boot's
 * {@code DefaultErrorWebExceptionHandler}, whose body is not RFC 9457.
 */
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	private final ServerResponse.Context context;

	ProblemErrorWebExceptionHandler(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		int status = (failure instanceof ErrorResponse error) ? error.getStatusCode().value() : 500;
		HttpHeaders headers = (failure instanceof ErrorResponse error) ? error.getHeaders() : HttpHeaders.EMPTY;
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		if (!(failure instanceof ErrorResponse)) {
			// a bug: the only case whose stack trace someone needs
			logger.error("{} {} failed", method, path, failure);
		}
		else if (status >= 500) {
			// a status the code chose (502, 503, 504): the reason is enough
			logger.warn("{} {} answered {}: {}", method, path, status, failure.getMessage());
		}
		HttpStatus known = HttpStatus.resolve(status);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(ProblemTypes.forStatus(status));
		problem.setTitle(ProblemTypes.titleFor(status, (known != null) ? known.getReasonPhrase() : "Error"));
		problem.setDetail(detail(failure, status, method, path));
		if (failure instanceof ServerWebInputException) {
			JsonProblems.FieldError field = JsonProblems.fieldError(NestedExceptionUtils.getMostSpecificCause(failure));
			if (field != null) {
				problem.setDetail(field.detail());
				if (field.pointer() != null) {
					problem.setProperty("errors", field.asErrors());
				}
			}
		}
		ProblemTraces.addTraceId(problem, exchange);
		exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
		return ServerResponse.status(status)
			.headers((response) -> response.addAll(headers))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	// the framework's detail is kept where it names only what the client sent (405, 415,
	// a missing parameter); a 404's names the framework, a server error's its internals
	private static String detail(Throwable failure, int status, String method, String path) {
		if (status == 404 || status >= 500 || !(failure instanceof ErrorResponse error)) {
			return ProblemTypes.detailFor(status, method, path);
		}
		String detail = error.getBody().getDetail();
		return (detail != null) ? detail : ProblemTypes.detailFor(status, method, path);
	}

}
