package org.dsmastery.servicedefaults.web;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * A small servlet application on a real Tomcat, asked over real HTTP: every error, from
 * Tomcat, a filter, Spring MVC or a controller, is the platform's problem.
 */
@SpringBootTest(classes = ServletProblemsTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.cloud.discovery.enabled=false",
				"management.endpoints.web.exposure.include=health,switch" })
class ServletProblemsTests {

	private static final String JSON = "application/json";

	private final JsonMapper json = JsonMapper.builder().build();

	private final LocalHttp http;

	ServletProblemsTests(@LocalServerPort int port) {
		this.http = new LocalHttp(port, TestIdentity.shared().admin());
	}

	@Test
	void refusesAPlainTextOrFormBodyWith415() throws Exception {
		for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded")) {
			HttpResponse<String> response = this.http
				.send(post("/api/things", "customerId=7").header("Content-Type", contentType));

			assertProblem(response, 415, "unsupported-media-type", "Unsupported media type");
		}
	}

	@Test
	void refusesAnUnsupportedMethodWith405AndTheAllowedOnes() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/api/things").DELETE());

		assertProblem(response, 405, "method-not-allowed", "Method not allowed");
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("POST"));
	}

	@Test
	void answersAnUnroutedPathWith404WithoutNamingTheFramework() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/api/nothing-here").GET());

		JsonNode problem = assertProblem(response, 404, "not-found", "Not found");
		assertThat(problem.get("detail").asString()).isEqualTo("there is nothing at GET /api/nothing-here");
		assertThat(response.body()).doesNotContainIgnoringCase("static resource");
	}

	@Test
	void answersAnUnacceptableAcceptWith406() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/things/1").header("Accept", "application/xml").GET());

		assertProblem(response, 406, "not-acceptable", "Not acceptable");
	}

	@Test
	void answersMissingOrMistypedParametersWith400AndThePointer() throws Exception {
		JsonNode mistyped = assertProblem(this.http.send(this.http.request("/api/things?count=many").GET()), 400,
				"invalid-request", "Invalid count");
		JsonNode badPath = assertProblem(this.http.send(this.http.request("/api/things/abc").GET()), 400,
				"invalid-request", "Invalid id");
		JsonNode missing = assertProblem(this.http.send(this.http.request("/api/things").GET()), 400, "invalid-request",
				"Invalid request");

		assertThat(mistyped.at("/errors/0/pointer").asString()).isEqualTo("#/count");
		assertThat(badPath.at("/errors/0/pointer").asString()).isEqualTo("#/id");
		assertThat(missing.get("detail").asString()).contains("count");
	}

	@Test
	void answersMalformedJsonWith400() throws Exception {
		for (String body : List.of("{\"customerId\":", "not json", "{\"customerId\":\"7\",\"quantity\":1} {}",
				"{\"customerId\":\"7\",\"quantity\":1}]", "")) {
			HttpResponse<String> response = this.http.send(post("/api/things", body).header("Content-Type", JSON));

			assertProblem(response, 400, "invalid-request", "Unreadable request");
		}
	}

	/** OWASP API4: a body nested deeper than 32 levels is refused before it is bound. */
	@Test
	void refusesJsonNestedDeeperThanThePlatformsDocumentsWith400() throws Exception {
		// an endpoint that takes any JSON document: only the depth can refuse it
		String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
		String deepest = "{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}";

		HttpResponse<String> refused = this.http.send(post("/api/documents", deep).header("Content-Type", JSON));
		HttpResponse<String> taken = this.http.send(post("/api/documents", deepest).header("Content-Type", JSON));

		assertProblem(refused, 400, "invalid-request", "Unreadable request");
		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeWithTheirPointer() throws Exception {
		Map<String, List<String>> cases = Map.of(
				// a number where the contract says string: Jackson's default turned it
				// into "42"
				"{\"customerId\":42,\"quantity\":1}", List.of("#/customerId", "must be a string"),
				"{\"customerId\":\"7\",\"quantity\":\"1\"}", List.of("#/quantity", "must be a whole number"),
				"{\"customerId\":\"7\",\"quantity\":1.5}", List.of("#/quantity", "must be a whole number"),
				"{\"customerId\":\"7\",\"quantity\":1,\"gift\":1}", List.of("#/gift", "must be true or false"),
				"{\"customerId\":\"7\",\"quantity\":1,\"gift\":\"true\"}", List.of("#/gift", "must be true or false"),
				"{\"customerId\":true,\"quantity\":1}", List.of("#/customerId", "must be a string"),
				"{\"customerId\":\"7\",\"quantity\":1,\"lines\":[{\"sku\":5}]}",
				List.of("#/lines/0/sku", "must be a string"),
				"{\"customerId\":\"7\",\"quantity\":1,\"coupon\":\"FREE\"}",
				List.of("#/coupon", "'coupon' is not a field of this request"),
				"{\"customerId\":\"7\",\"customerId\":\"8\",\"quantity\":1}",
				List.of("#/customerId", "appears more than once"));
		cases.forEach((body, expected) -> {
			HttpResponse<String> response = this.http.send(post("/api/things", body).header("Content-Type", JSON));

			JsonNode problem = assertProblem(response, 400, "invalid-request", "Unreadable request");
			assertThat(problem.at("/errors/0/pointer").asString()).as(body).isEqualTo(expected.get(0));
			assertThat(problem.at("/errors/0/detail").asString()).as(body).isEqualTo(expected.get(1));
		});
	}

	@Test
	void acceptsTheContractsOwnTypes() throws Exception {
		HttpResponse<String> response = this.http.send(post("/api/things",
				"{\"customerId\":\"7\",\"quantity\":2,\"gift\":true,\"lines\":[{\"sku\":\"SKU-1\"}]}")
			.header("Content-Type", JSON));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("customerId").asString()).isEqualTo("7");
	}

	@Test
	void leavesActuatorWriteOperationsTheirScalars() {
		// actuator reads its body as Map<String, String> and converts the values itself
		HttpResponse<String> response = this.http
			.send(post("/actuator/switch", "{\"enabled\":false,\"weight\":3}").header("Content-Type", JSON));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"enabled\":false", "\"weight\":3");
	}

	@Test
	void answersBeanValidationWith400AndEveryPointer() throws Exception {
		HttpResponse<String> response = this.http
			.send(post("/api/things", "{\"customerId\":\"" + "x".repeat(21) + "\"}").header("Content-Type", JSON));

		JsonNode problem = assertProblem(response, 400, "invalid-request", "Invalid request");
		assertThat(problem.get("errors").toString()).contains("#/customerId", "#/quantity");
	}

	@Test
	void answersAnOversizedHeaderWith431FromTomcat() throws Exception {
		// Tomcat refuses it while parsing, before any filter or servlet
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/things/1").header("X-Big", "x".repeat(9 * 1024)).GET());

		assertProblem(response, 431, "header-too-large", "Request header too large");
	}

	@Test
	void refusesABodyOverTheLimitWith413() {
		String big = "{\"customerId\":\"" + "x".repeat(300 * 1024) + "\"}";
		HttpResponse<String> declared = this.http.send(post("/api/things", big).header("Content-Type", JSON));
		// no Content-Length: the JDK client sends it chunked
		HttpResponse<String> chunked = this.http.send(this.http.request("/api/things")
			.POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
			.header("Content-Type", JSON));

		assertProblem(declared, 413, "request-too-large", "Request too large");
		assertProblem(chunked, 413, "request-too-large", "Request too large");
	}

	@Test
	void takesAChunkedBodyUnderTheLimit() {
		byte[] body = "{\"customerId\":\"7\",\"quantity\":1}".getBytes();
		HttpResponse<String> response = this.http.send(this.http.request("/api/things")
			.POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
			.header("Content-Type", JSON));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void hidesAControllersFailureBehindA500() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/api/boom").GET());

		JsonNode problem = assertProblem(response, 500, "internal-error", "Internal error");
		assertThat(problem.get("detail").asString()).isEqualTo("an unexpected error occurred; it has been logged");
		assertThat(response.body()).doesNotContain("ledger-secret", "IllegalStateException");
	}

	@Test
	void hidesAFiltersFailureBehindA500FromTheErrorPage() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/api/filter-boom").GET());

		assertProblem(response, 500, "internal-error", "Internal error");
		assertThat(response.body()).doesNotContain("filter-secret", "Exception");
	}

	@Test
	void namesTheTraceOfTheRequestInEveryProblem() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
		for (String path : List.of("/api/nothing-here", "/api/boom", "/api/filter-boom", "/api/things?count=many")) {
			HttpResponse<String> response = this.http
				.send(this.http.request(path).header("traceparent", traceparent).GET());

			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.path("traceId").asString()).as("%s: %s", path, response.body()).isEqualTo(traceId);
		}
	}

	@Test
	void startsATraceForARequestThatCameWithoutOneAndNamesIt() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/api/nothing-here").GET());

		assertThat(this.json.readTree(response.body()).path("traceId").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void answersTheErrorPageItselfAsNotFound() throws Exception {
		assertProblem(this.http.send(this.http.request("/error").GET()), 404, "not-found", "Not found");
	}

	private HttpRequest.Builder post(String path, String body) {
		return this.http.request(path).POST(BodyPublishers.ofString(body));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		SwitchEndpoint switchEndpoint() {
			return new SwitchEndpoint();
		}

		@Bean
		ThingController thingController() {
			return new ThingController();
		}

		@Bean
		OncePerRequestFilter failingFilter() {
			return new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getRequestURI().equals("/api/filter-boom")) {
						throw new IllegalStateException("filter-secret");
					}
					chain.doFilter(request, response);
				}

			};
		}

	}

	@RestController
	static class ThingController {

		@PostMapping(path = "/api/things", consumes = JSON)
		ThingRequest create(@Valid @RequestBody ThingRequest request) {
			return request;
		}

		@GetMapping(path = "/api/things/{id}", produces = JSON)
		Map<String, Object> one(@PathVariable long id) {
			return Map.of("id", id);
		}

		@GetMapping("/api/things")
		Map<String, Object> count(@RequestParam int count) {
			return Map.of("count", count);
		}

		@PostMapping(path = "/api/documents", consumes = JSON)
		Map<String, Object> document(@RequestBody JsonNode document) {
			return Map.of("fields", document.size());
		}

		@GetMapping("/api/boom")
		Map<String, Object> boom() {
			throw new IllegalStateException("ledger-secret");
		}

	}

	@Endpoint(id = "switch")
	static class SwitchEndpoint {

		@WriteOperation
		Map<String, Object> set(boolean enabled, int weight) {
			return Map.of("enabled", enabled, "weight", weight);
		}

	}

	record ThingRequest(@NotBlank @Size(max = 20) String customerId, @NotNull Integer quantity, Boolean gift,
			List<@Valid Line> lines) {
	}

	record Line(@NotBlank String sku) {
	}

}
