package org.dsmastery.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.dsmastery.testsupport.BrowserSafety;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
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

	private static final TestIdentity IDENTITY = TestIdentity.shared();

	private final LocalHttp http;

	private final int port;

	GatewayProblemsTests(@LocalServerPort int port) {
		this.http = new LocalHttp(port, IDENTITY.admin());
		this.port = port;
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
	void answersARequestWithoutATokenWith401AndABearerChallenge() {
		LocalHttp anonymous = new LocalHttp(this.port);

		HttpResponse<String> response = anonymous.send(anonymous.request("/api/ids").GET());

		JsonNode problem = assertProblem(response, 401, "unauthorized", "Unauthorized");
		assertThat(problem.get("detail").asString()).contains("bearer token");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	/**
	 * OWASP API2, broken authentication: every way a token can fail is refused alike,
	 * with an RFC 6750 challenge that names no reason a forger could use.
	 */
	@Test
	void answersATokenThatIsNotTheAuthServersOrNoLongerValidWith401() {
		Instant past = Instant.now().minus(Duration.ofMinutes(10));
		Map<String, String> tokens = Map.of("expired", IDENTITY.token((claims) -> claims.subject("shop-admin")
			.claim("scope", "admin")
			.issueTime(Date.from(past.minus(Duration.ofMinutes(30))))
			.expirationTime(Date.from(past))), "another issuer", IDENTITY.token(
					(claims) -> claims.subject("shop-admin").claim("scope", "admin").issuer("http://127.0.0.1:1/evil")),
				"another audience",
				IDENTITY.token((claims) -> claims.subject("shop-admin").claim("scope", "admin").audience("other-api")),
				"another key", IDENTITY.adminSignedByAnotherKey(), "alg none", unsigned(IDENTITY.admin()));
		tokens.forEach((name, token) -> {
			HttpResponse<String> response = this.http
				.send(this.http.request("/api/ids").setHeader("Authorization", "Bearer " + token).GET());

			assertThat(response.statusCode()).as(name).isEqualTo(401);
			assertProblem(response, 401, "unauthorized", "Unauthorized");
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(name)
				.hasValue("Bearer error=\"invalid_token\"");
		});
	}

	@Test
	void answersAShopperOnTheGatewaysOperatorEndpointsWith403() {
		LocalHttp shopper = new LocalHttp(this.port, IDENTITY.shopper("42"));

		HttpResponse<String> response = shopper.send(shopper.request("/actuator/gateway/routes").GET());

		assertProblem(response, 403, "forbidden", "Forbidden");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
	}

	/**
	 * OWASP API8 at the edge browsers meet: Spring Security's headers on every answer,
	 * and no CORS permission for another origin, in a preflight or on the request itself.
	 */
	@Test
	void sendsTheSecurityHeadersAndNoCorsPermission() {
		BrowserSafety.assertSecurityHeadersAndNoCorsPermission(new LocalHttp(this.port, IDENTITY.shopper("42")),
				"/api/orders?customerId=42");
	}

	/** The same claims, with {@code alg: none} and no signature. */
	private static String unsigned(String token) {
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		return header + "." + token.split("\\.")[1] + ".";
	}

}
