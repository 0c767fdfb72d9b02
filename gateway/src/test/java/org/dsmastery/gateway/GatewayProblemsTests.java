package org.dsmastery.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own errors, asked over real HTTP of the real gateway on Reactor Netty:
 * each is the platform's problem, from WebFlux or from Netty's decoder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false" })
class GatewayProblemsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void answersAnUnroutedPathWith404() {
		HttpResponse<String> response = send(request("/api/nothing-here").GET());

		JsonNode problem = assertProblem(response, 404, "not-found", "Not found");
		assertThat(problem.get("detail").asString()).isEqualTo("there is nothing at GET /api/nothing-here");
	}

	@Test
	void answersAnUnsupportedMethodWith405AndTheAllowedOnes() {
		HttpResponse<String> response = send(request("/actuator/health").DELETE());

		assertProblem(response, 405, "method-not-allowed", "Method not allowed");
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
	}

	@Test
	void answersAnOversizedHeaderWith431FromNetty() {
		HttpResponse<String> response = send(request("/api/ids").header("X-Big", "x".repeat(9 * 1024)).GET());

		assertProblem(response, 431, "header-too-large", "Request header too large");
	}

	@Test
	void answersAnOverlongRequestLineWith414FromNetty() {
		HttpResponse<String> response = send(request("/api/ids?pad=" + "x".repeat(5000)).GET());

		assertProblem(response, 414, "uri-too-long", "URI too long");
	}

	@Test
	void refusesCallerKeysThatCannotBeKeys() {
		for (String[] header : new String[][] { { "X-API-Key", "k".repeat(201) }, { "X-Customer-Id", "4 2" } }) {
			HttpResponse<String> response = send(request("/api/ids").header(header[0], header[1]).GET());

			JsonNode problem = assertProblem(response, 400, "invalid-request", "Invalid header");
			assertThat(problem.at("/errors/0/header").asString()).isEqualTo(header[0]);
		}
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String type, String title) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.body())
			.hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://dsmastery.org/problems/" + type);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("\tat ", "java.", "org.springframework", "trace", "exception");
		return problem;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
