package org.dsmastery.servicedefaults.web;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers the trace of a servlet request in the request, so that its error page, which
 * the container dispatches after the request's span left the thread, can name it in the
 * problem ({@link ProblemTraceAdvice}). Runs inside Spring's observation filter.
 */
class TraceIdFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";

	private final ObjectProvider<Tracer> tracer;

	TraceIdFilter(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Tracer tracer = this.tracer.getIfAvailable();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span != null && !span.isNoop()) {
			request.setAttribute(ATTRIBUTE, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

}
