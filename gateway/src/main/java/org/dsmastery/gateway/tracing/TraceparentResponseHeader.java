package org.dsmastery.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers every request with a W3C {@code traceparent} header naming the gateway's server
 * span, so a client can find the trace its request belongs to (in Zipkin, Jaeger,
 * {@code ./platform trace <traceId>}, or the logs). It is set when the response commits,
 * whoever writes it: a routed service, the rate limit's 429, the circuit breaker's 503,
 * an unrouted 404.
 * <p>
 * The span is the one the WebFlux server observation started for this exchange; its trace
 * is the client's when the client sent a valid {@code traceparent}, and a new one when it
 * sent none or one the propagator could not read. Without a tracer (no tracing handler on
 * the observation) no header is written.
 */
@Component
class TraceparentResponseHeader implements WebFilter, Ordered {

	static final String TRACEPARENT = "traceparent";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String traceparent = traceparent(exchange);
		if (traceparent != null) {
			exchange.getResponse().beforeCommit(() -> {
				exchange.getResponse().getHeaders().set(TRACEPARENT, traceparent);
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	private static String traceparent(ServerWebExchange exchange) {
		TracingObservationHandler.TracingContext tracing = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.orElse(null);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null) {
			return null;
		}
		// an unsampled span is a no-op but still has its trace: the client gets it (the
		// logs carry it) with the sampled flag off
		TraceContext context = span.context();
		if (context.traceId().isEmpty()) {
			return null;
		}
		boolean sampled = Boolean.TRUE.equals(context.sampled());
		return "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00");
	}

	@Override
	public int getOrder() {
		// first, so that even the answers of the filters after it (a 400 for a bad caller
		// header) name their trace
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
