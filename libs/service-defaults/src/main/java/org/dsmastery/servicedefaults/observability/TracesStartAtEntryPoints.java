package org.dsmastery.servicedefaults.observability;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Lets a trace start only where work enters the platform: an HTTP request (other than the
 * operations endpoints and Eureka's own protocol) or a Kafka record. Anything else
 * observed outside a trace (the outbox relay's polls, gauges reading PostgreSQL, Eureka
 * heartbeats, scheduled scans, Redis housekeeping) is not observed at all, so the trace
 * store holds the platform's work and not thousands of one-span traces of its background.
 * Inside a trace every observation runs as usual.
 * <p>
 * The work a scheduled task starts (a saga step that timed out) still reaches a trace:
 * the messages it writes are published in the outbox relay's trace.
 */
class TracesStartAtEntryPoints implements ObservationPredicate {

	private static final String KAFKA_RECORD = "org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext";

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			TracesStartAtEntryPoints.class.getClassLoader());

	private static final boolean REACTIVE_PRESENT = ClassUtils.isPresent(
			"org.springframework.http.server.reactive.ServerHttpRequest",
			TracesStartAtEntryPoints.class.getClassLoader());

	private final Supplier<@Nullable Tracer> tracer;

	TracesStartAtEntryPoints(Supplier<@Nullable Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		String path = (SERVLET_PRESENT) ? Servlet.path(context) : null;
		if (path == null && REACTIVE_PRESENT) {
			path = Reactive.path(context);
		}
		if (path != null) {
			return observed(path);
		}
		if (context.getParentObservation() != null || inSpan()) {
			return true;
		}
		return context.getClass().getName().equals(KAFKA_RECORD);
	}

	private boolean inSpan() {
		Tracer tracer = this.tracer.get();
		Span current = (tracer != null) ? tracer.currentSpan() : null;
		return current != null && !current.isNoop();
	}

	/**
	 * Operations traffic (health checks, Prometheus scrapes every 5 s) and Eureka's
	 * registrations and heartbeats are neither the platform's work nor its RED metrics.
	 */
	private static boolean observed(String path) {
		return !path.startsWith("/actuator") && !path.startsWith("/eureka");
	}

	private static final class Servlet {

		static @Nullable String path(Observation.Context context) {
			return (context instanceof org.springframework.http.server.observation.ServerRequestObservationContext request)
					? request.getCarrier().getRequestURI() : null;
		}

	}

	private static final class Reactive {

		static @Nullable String path(Observation.Context context) {
			return (context instanceof org.springframework.http.server.reactive.observation.ServerRequestObservationContext request)
					? request.getCarrier().getPath().value() : null;
		}

	}

}
