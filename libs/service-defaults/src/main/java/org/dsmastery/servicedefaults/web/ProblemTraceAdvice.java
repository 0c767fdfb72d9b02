package org.dsmastery.servicedefaults.web;

import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the request's trace id to every problem a servlet service answers from Spring MVC:
 * its exception handlers and its error page ({@link ProblemTraces}).
 */
@RestControllerAdvice
class ProblemTraceAdvice implements ResponseBodyAdvice<Object> {

	private final ObjectProvider<Tracer> tracer;

	ProblemTraceAdvice(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			// the error page runs after the request's span left the thread: the request
			// remembers its trace (TraceIdFilter)
			Object traceId = (request instanceof ServletServerHttpRequest servlet)
					? servlet.getServletRequest().getAttribute(TraceIdFilter.ATTRIBUTE) : null;
			if (traceId instanceof String id) {
				problem.setProperty(ProblemTraces.TRACE_ID, id);
			}
			else {
				ProblemTraces.addTraceId(problem, this.tracer.getIfAvailable());
			}
		}
		return body;
	}

}
