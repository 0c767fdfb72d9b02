package org.dsmastery.servicedefaults.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * A small WebFlux application on a real Reactor Netty, asked over real HTTP: every error,
 * from Netty's decoder, WebFlux or a handler, is the platform's problem.
 */
@SpringBootTest(classes = ReactiveProblemsTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "eureka.client.enabled=false",
				"spring.cloud.discovery.enabled=false", "management.endpoints.web.exposure.include=health" })
class ReactiveProblemsTests {

	private static final String JSON = "application/json";

	private final LocalHttp http;

	ReactiveProblemsTests(@LocalServerPort int port) {
		this.http = new LocalHttp(port, TestIdentity.shared().admin());
	}

	@Test
	void answersAnUnroutedPathWith404WithoutNamingTheFramework() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/nothing-here").GET());

		JsonNode problem = assertProblem(response, 404, "not-found", "Not found");
		assertThat(problem.get("detail").asString()).isEqualTo("there is nothing at GET /api/nothing-here");
	}

	@Test
	void refusesAnUnsupportedMethodWith405AndTheAllowedOnes() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/things").DELETE());

		assertProblem(response, 405, "method-not-allowed", "Method not allowed");
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("POST"));
	}

	@Test
	void refusesAPlainTextOrFormBodyWith415() {
		for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded")) {
			HttpResponse<String> response = this.http.send(this.http.request("/api/things")
				.POST(BodyPublishers.ofString("a=b"))
				.header("Content-Type", contentType));

			assertProblem(response, 415, "unsupported-media-type", "Unsupported media type");
		}
	}

	/**
	 * OWASP API4: a chunked body is counted as it streams, and cut off past the limit.
	 */
	@Test
	void refusesAChunkedBodyOverTheLimitWith413() {
		byte[] big = ("{\"customerId\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		// no Content-Length: the JDK client sends it chunked
		HttpResponse<String> chunked = this.http.send(this.http.request("/api/things")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.header("Content-Type", JSON));

		assertProblem(chunked, 413, "request-too-large", "Request too large");
	}

	@Test
	void takesAChunkedBodyUnderTheLimit() {
		byte[] body = "{\"customerId\":\"7\"}".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.send(this.http.request("/api/things")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.header("Content-Type", JSON));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void answersAnUnacceptableAcceptWith406() {
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/things").header("Accept", "application/xml").GET());

		assertProblem(response, 406, "not-acceptable", "Not acceptable");
	}

	@Test
	void refusesAWronglyTypedBodyWithThePointer() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/things")
			.POST(BodyPublishers.ofString("{\"customerId\":42}"))
			.header("Content-Type", JSON));

		JsonNode problem = assertProblem(response, 400, "invalid-request", "Invalid request");
		assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("#/customerId");
		assertThat(problem.at("/errors/0/detail").asString()).isEqualTo("must be a string");
	}

	@Test
	void refusesABodyOverTheCodecsLimitWith413() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/things")
			.POST(BodyPublishers.ofString("{\"customerId\":\"" + "x".repeat(300 * 1024) + "\"}"))
			.header("Content-Type", JSON));

		assertProblem(response, 413, "request-too-large", "Request too large");
	}

	@Test
	void answersAnOversizedHeaderWith431FromNetty() {
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/things").header("X-Big", "x".repeat(9 * 1024)).GET());

		assertProblem(response, 431, "header-too-large", "Request header too large");
	}

	@Test
	void hidesAHandlersFailureBehindA500() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/boom").GET());

		JsonNode problem = assertProblem(response, 500, "internal-error", "Internal error");
		assertThat(problem.get("detail").asString()).isEqualTo("an unexpected error occurred; it has been logged");
		assertThat(response.body()).doesNotContain("ledger-secret");
	}

	@Test
	void namesTheTraceOfTheRequestInEveryProblem() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
		for (String path : List.of("/api/nothing-here", "/api/boom")) {
			HttpResponse<String> response = this.http
				.send(this.http.request(path).header("traceparent", traceparent).GET());

			JsonNode problem = JsonMapper.builder().build().readTree(response.body());
			assertThat(problem.path("traceId").asString()).as("%s: %s", path, response.body()).isEqualTo(traceId);
		}
		HttpResponse<String> typed = this.http.send(this.http.request("/api/things")
			.header("traceparent", traceparent)
			.header("Content-Type", JSON)
			.POST(BodyPublishers.ofString("{\"customerId\":42}")));
		assertThat(JsonMapper.builder().build().readTree(typed.body()).path("traceId").asString()).as(typed.body())
			.isEqualTo(traceId);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		ThingHandler thingHandler() {
			return new ThingHandler();
		}

	}

	@RestController
	static class ThingHandler {

		@PostMapping(path = "/api/things", consumes = JSON)
		Mono<ThingRequest> create(@RequestBody ThingRequest request) {
			return Mono.just(request);
		}

		@GetMapping(path = "/api/things", produces = JSON)
		Mono<Map<String, Object>> all() {
			return Mono.just(Map.of());
		}

		@GetMapping("/api/boom")
		Mono<Map<String, Object>> boom() {
			return Mono.error(new IllegalStateException("ledger-secret"));
		}

	}

	record ThingRequest(@NotBlank String customerId) {
	}

}
