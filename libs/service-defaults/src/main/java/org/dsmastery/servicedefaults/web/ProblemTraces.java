package org.dsmastery.servicedefaults.web;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the trace a failed request belongs to in its problem: {@code "traceId"}, so the
 * caller who reports an error hands over the key to every span and log line of it
 * ({@code ./platform trace <traceId>}, {@code ./platform logs --trace <traceId>}).
 */
public final class ProblemTraces {

	/** The problem's property. */
	public static final String TRACE_ID = "traceId";

	private ProblemTraces() {
	}

	/**
	 * Adds the trace id of the current span (servlet: the request's thread), if any.
	 * @param problem the problem
	 * @param tracer the service's tracer
	 */
	static void addTraceId(ProblemDetail problem, @Nullable Tracer tracer) {
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		add(problem, span);
	}

	/**
	 * Adds the trace id of the exchange's server observation (WebFlux), if any.
	 * @param problem the problem
	 * @param exchange the request
	 */
	static void addTraceId(ProblemDetail problem, ServerWebExchange exchange) {
		Observation.Context context = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.orElse(null);
		TracingContext tracing = (context != null) ? context.get(TracingContext.class) : null;
		add(problem, (tracing != null) ? tracing.getSpan() : null);
	}

	private static void add(ProblemDetail problem, @Nullable Span span) {
		if (span != null && !span.isNoop() && !span.context().traceId().isEmpty()) {
			problem.setProperty(TRACE_ID, span.context().traceId());
		}
	}

}
