package org.dsmastery.servicedefaults.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.dsmastery.testsupport.BrowserSafety;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * A servlet service with the platform's security, on a real Tomcat, asked over real HTTP
 * with tokens signed like the auth-server's ({@link TestIdentity}): the house rules, a
 * service's own {@link AccessRules}, a {@link Caller} that decides per object, and a
 * service's own token for the calls it makes on its own account.
 */
@SpringBootTest(classes = ServletSecurityTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.cloud.discovery.enabled=false",
				"management.endpoints.web.exposure.include=health,metrics" })
class ServletSecurityTests {

	private static final TestIdentity IDENTITY = TestIdentity.shared();

	private final int port;

	@Autowired
	ServiceTokenInterceptor serviceToken;

	@Autowired
	org.springframework.security.oauth2.jwt.JwtDecoder decoder;

	ServletSecurityTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void refusesARequestWithoutATokenWith401AProblemAndABearerChallenge() {
		HttpResponse<String> response = get(null, "/api/things/42");

		JsonNode problem = assertProblem(response, 401, "unauthorized", "Unauthorized");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/things/42");
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	/**
	 * OWASP API2: every way a token can fail is refused alike, and the challenge names no
	 * reason a forger could use.
	 */
	@Test
	void refusesATokenThatIsExpiredForAnotherIssuerOrAudienceOrNotTheAuthServers() {
		Instant past = Instant.now().minus(Duration.ofMinutes(10));
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("expired",
				IDENTITY.token((claims) -> claims.subject("shop-admin")
					.claim("scope", "admin")
					.issueTime(Date.from(past.minus(Duration.ofMinutes(30))))
					.expirationTime(Date.from(past))));
		tokens.put("not yet valid",
				IDENTITY.token((claims) -> claims.subject("shop-admin")
					.claim("scope", "admin")
					.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))));
		tokens.put("another issuer", IDENTITY
			.token((claims) -> claims.subject("shop-admin").claim("scope", "admin").issuer("http://127.0.0.1:1")));
		tokens.put("another audience",
				IDENTITY.token((claims) -> claims.subject("shop-admin").claim("scope", "admin").audience("other-api")));
		tokens.put("another key", IDENTITY.adminSignedByAnotherKey());
		tokens.put("alg none", unsigned(IDENTITY.admin()));
		tokens.put("not a JWT", "not.a.jwt");
		tokens.forEach((name, token) -> {
			HttpResponse<String> response = get(token, "/api/admin/things");

			assertThat(response.statusCode()).as(name).isEqualTo(401);
			assertProblem(response, 401, "unauthorized", "Unauthorized");
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(name)
				.hasValue("Bearer error=\"invalid_token\"");
		});
	}

	/** OWASP API5: the admin and audit APIs by scope, whatever the service forgot. */
	@Test
	void opensTheAdminApiToOperatorsAndTheAuditToOperatorsAndServices() {
		assertThat(get(IDENTITY.admin(), "/api/admin/things").statusCode()).isEqualTo(200);
		HttpResponse<String> shopper = get(IDENTITY.shopper("42"), "/api/admin/things");
		assertProblem(shopper, 403, "forbidden", "Forbidden");
		assertThat(shopper.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
		assertThat(get(IDENTITY.internal(), "/api/admin/things").statusCode()).isEqualTo(403);

		assertThat(get(IDENTITY.admin(), "/api/audit/things").statusCode()).isEqualTo(200);
		assertThat(get(IDENTITY.internal(), "/api/audit/things").statusCode()).isEqualTo(200);
		assertThat(get(IDENTITY.shopper("42"), "/api/audit/things").statusCode()).isEqualTo(403);
	}

	@Test
	void leavesProbesAndScrapesOpenAndTheOtherActuatorEndpointsToOperators() {
		assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get(null, "/actuator/metrics").statusCode()).isEqualTo(401);
		assertThat(get(IDENTITY.shopper("42"), "/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(get(IDENTITY.admin(), "/actuator/metrics").statusCode()).isEqualTo(200);
	}

	@Test
	void appliesTheServicesOwnRules() {
		assertThat(get(null, "/api/public").statusCode()).isEqualTo(200);
		assertThat(get(null, "/api/things/42").statusCode()).isEqualTo(401);
	}

	/**
	 * OWASP API1: the controller asks the {@link Caller}; another customer's object is
	 * not found, so an id cannot be probed.
	 */
	@Test
	void letsAShopperReachOnlyTheirOwnObjects() {
		assertThat(get(IDENTITY.shopper("42"), "/api/things/42").body()).contains("\"owner\":\"42\"",
				"\"caller\":\"42\"");
		assertProblem(get(IDENTITY.shopper("43"), "/api/things/42"), 404, "not-found", "Not found");
		assertThat(get(IDENTITY.admin(), "/api/things/42").body()).contains("\"caller\":\"shop-admin\"");
		assertThat(get(IDENTITY.internal(), "/api/things/42").statusCode()).isEqualTo(200);
	}

	@Test
	void answersARefusalDecidedInCodeWith403AndItsReason() {
		JsonNode problem = assertProblem(get(IDENTITY.shopper("42"), "/api/things/42/for/43"), 403, "forbidden",
				"Forbidden");

		assertThat(problem.get("detail").asString()).isEqualTo("a shopper acts for their own customer id only");
	}

	@Test
	void remembersTheTokensItValidated() {
		assertThat(this.decoder).isInstanceOf(ValidatedTokens.Remembering.class);
		String token = IDENTITY.admin();

		assertThat(this.decoder.decode(token)).isSameAs(this.decoder.decode(token));
	}

	@Test
	void sendsTheSecurityHeadersAndNoCorsPermission() {
		BrowserSafety.assertSecurityHeadersAndNoCorsPermission(new LocalHttp(this.port, IDENTITY.shopper("42")),
				"/api/things/42");
	}

	@Test
	void callsAnotherServiceWithItsOwnTokenWhoeverItServes() {
		List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
		try (StubHttpServer other = StubHttpServer.start((HttpExchange exchange) -> {
			authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			StubHttpServer.respond(exchange, 200, "{}");
		})) {
			RestClient client = RestClient.builder().baseUrl(other.url()).requestInterceptor(this.serviceToken).build();

			client.get().uri("/ids").retrieve().toBodilessEntity();
			client.get().uri("/ids").retrieve().toBodilessEntity();
		}

		assertThat(authorizations).hasSize(2).allSatisfy((authorization) -> {
			String claims = new String(
					Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
					StandardCharsets.UTF_8);
			assertThat(claims).contains("\"sub\":\"shop-services\"", "\"scope\":\"internal\"");
		});
		// fetched once, used until it nearly expires
		assertThat(authorizations.get(1)).isEqualTo(authorizations.get(0));
	}

	private HttpResponse<String> get(String token, String path) {
		LocalHttp http = new LocalHttp(this.port, token);
		return http.send(http.request(path).GET());
	}

	private static String unsigned(String token) {
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		return header + "." + token.split("\\.")[1] + ".";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		ThingController thingController() {
			return new ThingController();
		}

		@Bean
		AccessRules publicThings() {
			return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/public").permitAll();
		}

	}

	@RestController
	static class ThingController {

		@GetMapping("/api/things/{owner}")
		Map<String, Object> one(@PathVariable String owner, Caller caller) {
			if (!caller.mayActFor(owner)) {
				throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
			}
			return Map.of("owner", owner, "caller", caller.subject());
		}

		@GetMapping("/api/things/{owner}/for/{customer}")
		Map<String, Object> forCustomer(@PathVariable String customer, Caller caller) {
			if (!caller.mayActFor(customer)) {
				throw new AccessDeniedException("a shopper acts for their own customer id only");
			}
			return Map.of("customer", customer);
		}

		@GetMapping({ "/api/admin/things", "/api/audit/things", "/api/public" })
		Map<String, Object> list() {
			return Map.of("things", List.of());
		}

	}

}
