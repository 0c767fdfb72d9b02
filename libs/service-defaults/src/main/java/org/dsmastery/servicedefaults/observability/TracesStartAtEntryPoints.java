package org.dsmastery.servicedefaults.observability;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Lets a trace start only where work enters the platform. An HTTP request to the API is
 * observed (operations endpoints and Eureka's own protocol are not); work a service does
 * in the background, outside any trace, is not observed at all: JDBC statements (the
 * outbox relay's polls, gauges reading PostgreSQL), blocking HTTP calls (Eureka
 * heartbeats and registry fetches), Redis commands (lease renewals) and scheduled scans.
 * So the trace store holds the platform's work and not thousands of one-span traces a
 * minute of its background. Inside a trace every observation runs as usual.
 * <p>
 * Only those kinds are judged by their parent: they run on the caller's thread, where the
 * current observation or span is the parent. A reactive client (WebClient, the gateway's
 * routed call) is given its parent from the Reactor context after this predicate ran, so
 * it is always observed. The work a scheduled task starts (a saga step that timed out)
 * still reaches a trace: the messages it writes are published in the outbox relay's.
 */
class TracesStartAtEntryPoints implements ObservationPredicate {

	private static final String BLOCKING_CLIENT = "org.springframework.http.client.observation.ClientRequestObservationContext";

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			TracesStartAtEntryPoints.class.getClassLoader());

	private static final boolean REACTIVE_PRESENT = ClassUtils.isPresent(
			"org.springframework.http.server.reactive.ServerHttpRequest",
			TracesStartAtEntryPoints.class.getClassLoader());

	private final Supplier<@Nullable Tracer> tracer;

	/**
	 * Creates the predicate.
	 * @param tracer the tracer, looked up once it exists: the predicate runs for every
	 * observation (every statement), and a bean lookup each time cost the services up to
	 * a tenth of their CPU under load
	 */
	TracesStartAtEntryPoints(Supplier<@Nullable Tracer> tracer) {
		this.tracer = SingletonSupplier.of(tracer);
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
		if (!background(name, context)) {
			return true;
		}
		return hasParent(context) || inSpan();
	}

	/**
	 * Whether an observation has a real parent. A no-op one does not count: the JDBC
	 * instrumentation hands each statement its connection's observation as the parent,
	 * and with connections not observed ({@code jdbc.includes=query}) that is
	 * {@link Observation#NOOP}, on every thread, in a trace or not.
	 */
	private static boolean hasParent(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		return parent != null && !(parent instanceof Observation observation && observation.isNoop());
	}

	private static boolean background(String name, Observation.Context context) {
		return name.startsWith("jdbc.") || name.equals("tasks.scheduled.execution")
				|| context.getClass().getName().equals(BLOCKING_CLIENT)
				|| context.getClass().getName().startsWith("io.lettuce.");
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
