package org.dsmastery.servicedefaults.observability;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TracesStartAtEntryPointsTests {

	private final TracesStartAtEntryPoints predicate = new TracesStartAtEntryPoints(() -> null);

	@Test
	void aRequestToTheApiStartsATraceButOperationsAndEurekaTrafficDoNot() {
		assertThat(servlet("/api/orders")).isTrue();
		assertThat(servlet("/actuator/prometheus")).isFalse();
		assertThat(servlet("/eureka/apps/ORDER-SERVICE")).isFalse();
		assertThat(reactive("/api/ids")).isTrue();
		assertThat(reactive("/actuator/health")).isFalse();
	}

	@Test
	void backgroundWorkOutsideATraceIsNotObserved() {
		assertThat(this.predicate.test("jdbc.query", new Observation.Context())).isFalse();
		assertThat(this.predicate.test("tasks.scheduled.execution", new Observation.Context())).isFalse();
	}

	@Test
	void aStatementWhoseParentIsItsUnobservedConnectionIsBackgroundWork() {
		// datasource-micrometer parents each statement to its connection's observation,
		// a no-op one with jdbc.includes=query
		Observation.Context statement = new Observation.Context();
		statement.setParentObservation(Observation.NOOP);

		assertThat(this.predicate.test("jdbc.query", statement)).isFalse();
	}

	@Test
	void looksTheTracerUpOnceNotForEveryObservation() {
		AtomicInteger lookups = new AtomicInteger();
		TracesStartAtEntryPoints predicate = new TracesStartAtEntryPoints(() -> {
			lookups.incrementAndGet();
			return Tracer.NOOP;
		});

		for (int i = 0; i < 3; i++) {
			assertThat(predicate.test("jdbc.query", new Observation.Context())).isFalse();
		}

		assertThat(lookups).hasValue(1);
	}

	@Test
	void aReactiveClientWhoseParentComesLaterIsObserved() {
		assertThat(this.predicate.test("http.client.requests", new Observation.Context())).isTrue();
	}

	@Test
	void workInsideATraceIsObserved() {
		Observation.Context child = new Observation.Context();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		child.setParentObservation(Observation.start("http.server.requests", registry));

		assertThat(this.predicate.test("jdbc.query", child)).isTrue();
	}

	private boolean servlet(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		return this.predicate.test("http.server.requests",
				new ServerRequestObservationContext(request, new MockHttpServletResponse()));
	}

	private boolean reactive(String path) {
		return this.predicate.test("http.server.requests",
				new org.springframework.http.server.reactive.observation.ServerRequestObservationContext(
						MockServerHttpRequest.get(path).build(), new MockServerHttpResponse(), java.util.Map.of()));
	}

}
