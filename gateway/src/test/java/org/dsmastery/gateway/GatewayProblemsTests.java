package org.dsmastery.gateway;

import java.net.http.HttpResponse;

import org.dsmastery.testsupport.LocalHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * The gateway's own errors, asked over real HTTP of the real gateway on Reactor Netty:
 * each is the platform's problem, from WebFlux or from Netty's decoder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false" })
class GatewayProblemsTests {

	private final LocalHttp http;

	GatewayProblemsTests(@LocalServerPort int port) {
		this.http = new LocalHttp(port);
	}

	@Test
	void answersAnUnroutedPathWith404() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/nothing-here").GET());

		JsonNode problem = assertProblem(response, 404, "not-found", "Not found");
		assertThat(problem.get("detail").asString()).isEqualTo("there is nothing at GET /api/nothing-here");
	}

	@Test
	void answersAnUnsupportedMethodWith405AndTheAllowedOnes() {
		HttpResponse<String> response = this.http.send(this.http.request("/actuator/health").DELETE());

		assertProblem(response, 405, "method-not-allowed", "Method not allowed");
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
	}

	@Test
	void answersAnOversizedHeaderWith431FromNetty() {
		HttpResponse<String> response = this.http
			.send(this.http.request("/api/ids").header("X-Big", "x".repeat(9 * 1024)).GET());

		assertProblem(response, 431, "header-too-large", "Request header too large");
	}

	@Test
	void answersAnOverlongRequestLineWith414FromNetty() {
		HttpResponse<String> response = this.http.send(this.http.request("/api/ids?pad=" + "x".repeat(5000)).GET());

		assertProblem(response, 414, "uri-too-long", "URI too long");
	}

	@Test
	void refusesCallerKeysThatCannotBeKeys() {
		for (String[] header : new String[][] { { "X-API-Key", "k".repeat(201) }, { "X-Customer-Id", "4 2" } }) {
			HttpResponse<String> response = this.http
				.send(this.http.request("/api/ids").header(header[0], header[1]).GET());

			JsonNode problem = assertProblem(response, 400, "invalid-request", "Invalid header");
			assertThat(problem.at("/errors/0/header").asString()).isEqualTo(header[0]);
		}
	}

}
