package org.dsmastery.gateway.tracing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.dsmastery.gateway.HealthyStubs;
import org.dsmastery.gateway.Prometheus;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * The gateway's server span, its routed client span and the {@code traceparent} it
 * answers with, on the real gateway with a real OpenTelemetry tracer, a downstream
 * stand-in that records what it receives, and the spans as the exporter gets them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.gateway.rate-limit.enabled=false",
				"management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" })
class GatewayTracingTests {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

	private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CLIENT_SPAN = "00f067aa0ba902b7";

	private static final String CLIENT_TRACEPARENT = "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01";

	private static final List<String> received = new CopyOnWriteArrayList<>();

	private static final List<SpanData> exported = new CopyOnWriteArrayList<>();

	private static final StubHttpServer downstream = HealthyStubs.start((exchange) -> {
		received.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
		StubHttpServer.respond(exchange, 200, "{\"id\":\"1\"}");
	});

	private final LocalHttp http;

	GatewayTracingTests(@LocalServerPort int port) {
		this.http = new LocalHttp(port, TestIdentity.shared().admin());
	}

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.id-generator[0].uri", downstream::url);
		// listed, but nothing listens there: the route's circuit breaker answers
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", () -> "http://127.0.0.1:9");
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@BeforeEach
	void reset() {
		received.clear();
	}

	@Test
	void continuesTheClientsTraceAndSendsTheRoutedCallAsAChildOfItsSpan() {
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/ids").header("traceparent", CLIENT_TRACEPARENT).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		Matcher answered = traceparent(response);
		assertThat(answered.group(1)).isEqualTo(CLIENT_TRACE);
		String serverSpan = answered.group(2);
		assertThat(serverSpan).isNotEqualTo(CLIENT_SPAN);

		assertThat(received).hasSize(1);
		Matcher forwarded = TRACEPARENT.matcher(received.getFirst());
		assertThat(forwarded.matches()).as(received.getFirst()).isTrue();
		assertThat(forwarded.group(1)).isEqualTo(CLIENT_TRACE);
		String clientSpan = forwarded.group(2);
		assertThat(clientSpan).isNotIn(serverSpan, CLIENT_SPAN);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(span(serverSpan)).satisfies((server) -> {
				assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
				assertThat(server.getParentSpanId()).isEqualTo(CLIENT_SPAN);
			});
			assertThat(span(clientSpan)).satisfies((client) -> {
				assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
				assertThat(client.getParentSpanId()).isEqualTo(serverSpan);
				assertThat(client.getTraceId()).isEqualTo(CLIENT_TRACE);
			});
		});
	}

	@Test
	void startsATraceForARequestWithoutTraceparent() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/ids").GET());

		assertThat(response.statusCode()).isEqualTo(200);
		String trace = traceparent(response).group(1);
		assertThat(trace).isNotEqualTo("0".repeat(32));
		assertThat(received).singleElement().satisfies((forwarded) -> assertThat(forwarded).startsWith("00-" + trace));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "ff-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01",
			"00-00000000000000000000000000000000-" + CLIENT_SPAN + "-01", "00-" + CLIENT_TRACE + "-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-" + CLIENT_SPAN + "-01",
			"00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01-extra", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN,
			"00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-0z", "" })
	void startsANewTraceForATraceparentItCannotRead(String malformed) {
		assertNewTrace(malformed);
	}

	@Test
	void startsANewTraceForAnOversizedTraceparentWithinTheHeaderLimit() {
		// 7 KB: as large as one header can be within the edge's 8 KB request-header
		// budget
		assertNewTrace(CLIENT_TRACEPARENT + "0".repeat(7 * 1024));
		assertNewTrace("x".repeat(7 * 1024));
	}

	@Test
	void refusesATraceparentOverTheHeaderLimitLikeAnyOversizedHeader() {
		// 10 KB is over Reactor Netty's 8 KB request-header limit, which holds for every
		// header before WebFlux (or a tracer) runs: the gateway's 431 problem, as before
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/ids").header("traceparent", "x".repeat(10 * 1024)).GET());

		assertProblem(response, 431, "header-too-large", "Request header too large");
		assertThat(received).isEmpty();
	}

	@Test
	void namesTheTraceOfTheGatewaysOwnAnswers() {
		HttpResponse<String> unrouted = this.http
			.send(this.http.request("/api/nothing-here").header("traceparent", CLIENT_TRACEPARENT).GET());
		assertProblem(unrouted, 404, "not-found", "Not found");
		assertThat(traceparent(unrouted).group(1)).isEqualTo(CLIENT_TRACE);

		HttpResponse<String> unavailable = this.http
			.send(this.http.request("/api/orders/1").header("traceparent", CLIENT_TRACEPARENT).GET());
		assertProblem(unavailable, 503, "upstream-unavailable", "Upstream unavailable");
		assertThat(traceparent(unavailable).group(1)).isEqualTo(CLIENT_TRACE);

		HttpResponse<String> badToken = this.http.send(this.http.request("/api/ids")
			.header("traceparent", CLIENT_TRACEPARENT)
			.setHeader("Authorization", "Bearer not.a.token")
			.GET());
		JsonNode refused = assertProblem(badToken, 401, "unauthorized", "Unauthorized");
		assertThat(traceparent(badToken).group(1)).isEqualTo(CLIENT_TRACE);
		assertThat(refused.get("traceId").asString()).isEqualTo(CLIENT_TRACE);
	}

	@Test
	void measuresEachRouteWithTheSloBuckets() {
		Prometheus prometheus = new Prometheus(this.http);
		String[] route = { "routeId=\"id-generator\"", "httpMethod=\"GET\"", "status=\"OK\"",
				"outcome=\"SUCCESSFUL\"" };
		double before = prometheus.value("spring_cloud_gateway_requests_seconds_count", route).orElse(0);

		for (int i = 0; i < 3; i++) {
			assertThat(this.http.send(this.http.request("/api/ids").GET()).statusCode()).isEqualTo(200);
		}

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(prometheus.value("spring_cloud_gateway_requests_seconds_count", route))
				.hasValue(before + 3));
		List<String> buckets = Prometheus.matching(prometheus.samples(), "spring_cloud_gateway_requests_seconds_bucket",
				route);
		assertThat(buckets).map((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
			.containsExactlyInAnyOrder("0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "+Inf");
		assertThat(buckets).filteredOn((line) -> line.contains("le=\"+Inf\""))
			.singleElement()
			.satisfies((line) -> assertThat(Prometheus.valueOf(line)).isEqualTo(before + 3));
		// the routed calls are measured under their own name, not as the platform's HTTP
		// client metric with other labels
		List<String> samples = prometheus.samples();
		assertThat(Prometheus.matching(samples, "spring_cloud_gateway_http_client_requests_seconds_count",
				"spring_cloud_gateway_route_id=\"id-generator\""))
			.isNotEmpty();
		assertThat(Prometheus.matching(samples, "http_client_requests_seconds_count"))
			.noneMatch((line) -> line.contains("spring_cloud_gateway_route_id"));
	}

	private void assertNewTrace(String malformed) {
		received.clear();
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/ids").header("traceparent", malformed).GET());

		assertThat(response.statusCode()).as(malformed).isEqualTo(200);
		String trace = traceparent(response).group(1);
		assertThat(trace).isNotEqualTo("0".repeat(32)).isNotEqualTo(CLIENT_TRACE);
		assertThat(malformed.toLowerCase()).doesNotContain(trace);
		// the routed call carries the new trace, never the client's unreadable header
		assertThat(received).singleElement()
			.satisfies((forwarded) -> assertThat(forwarded).matches(TRACEPARENT).startsWith("00-" + trace + "-"));
	}

	private static Matcher traceparent(HttpResponse<String> response) {
		List<String> values = response.headers().allValues("traceparent");
		assertThat(values).as("traceparent of %s", response.uri()).hasSize(1);
		Matcher matcher = TRACEPARENT.matcher(values.getFirst());
		assertThat(matcher.matches()).as(values.getFirst()).isTrue();
		return matcher;
	}

	private static SpanData span(String spanId) {
		return exported.stream().filter((span) -> span.getSpanId().equals(spanId)).findFirst().orElseThrow();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CollectedSpans {

		@Bean
		SpanExporter collectingSpanExporter() {
			return new SpanExporter() {

				@Override
				public CompletableResultCode export(Collection<SpanData> spans) {
					exported.addAll(spans);
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode flush() {
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode shutdown() {
					return CompletableResultCode.ofSuccess();
				}

			};
		}

	}

}
