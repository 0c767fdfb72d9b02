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

	/**
	 * The trace id of the current span (servlet: the request's thread), for problems
	 * written outside Spring MVC.
	 * @param tracer the service's tracer
	 * @return the trace id, or {@code null} outside a trace
	 */
	public static @Nullable String traceId(@Nullable Tracer tracer) {
		return traceId((tracer != null) ? tracer.currentSpan() : null);
	}

	/**
	 * The trace id of the exchange's server observation (WebFlux), for problems written
	 * outside the handler.
	 * @param exchange the request
	 * @return the trace id, or {@code null} outside a trace
	 */
	public static @Nullable String traceId(ServerWebExchange exchange) {
		Observation.Context context = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.orElse(null);
		TracingContext tracing = (context != null) ? context.get(TracingContext.class) : null;
		return traceId((tracing != null) ? tracing.getSpan() : null);
	}

	private static @Nullable String traceId(@Nullable Span span) {
		return (span != null && !span.isNoop() && !span.context().traceId().isEmpty()) ? span.context().traceId()
				: null;
	}

	private static void add(ProblemDetail problem, @Nullable Span span) {
		String traceId = traceId(span);
		if (traceId != null) {
			problem.setProperty(TRACE_ID, traceId);
		}
	}

}
