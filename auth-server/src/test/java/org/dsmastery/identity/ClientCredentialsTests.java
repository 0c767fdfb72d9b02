package org.dsmastery.identity;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.ProblemAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class ClientCredentialsTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void issuesTheAdminClientAJwtSignedWithAKeyOfTheJwks() throws Exception {
		HttpResponse<String> response = tokens().clientCredentials("shop-admin", TestSecrets.ADMIN_SECRET, "admin");

		JsonNode body = Tokens.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("scope").asString()).isEqualTo("admin");
		assertThat(body.get("expires_in").asLong()).isBetween(1790L, 1800L);
		assertThat(body.has("refresh_token")).isFalse();
		JWTClaimsSet claims = tokens().verified(Tokens.accessToken(response)).getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(AuthServerTest.ISSUER);
		assertThat(claims.getAudience()).containsExactly("shop-api");
		assertThat(claims.getSubject()).isEqualTo("shop-admin");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("shop-admin");
		assertThat(claims.getStringListClaim("scope")).containsExactly("admin");
		assertThat(claims.getClaim("customer_id")).isNull();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
	}

	@Test
	void issuesTheServicesClientTheInternalScope() throws Exception {
		HttpResponse<String> response = tokens().clientCredentials("shop-services", TestSecrets.SERVICES_SECRET,
				"internal");

		JWTClaimsSet claims = tokens().verified(Tokens.accessToken(response)).getJWTClaimsSet();
		assertThat(claims.getStringListClaim("scope")).containsExactly("internal");
		assertThat(claims.getSubject()).isEqualTo("shop-services");
		assertThat(claims.getAudience()).containsExactly("shop-api");
	}

	@Test
	void refusesAWrongSecretAsAnInvalidClient() {
		HttpResponse<String> response = tokens().clientCredentials("shop-admin", TestSecrets.SERVICES_SECRET, "admin");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Tokens.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesATokenRequestWithoutClientAuthenticationAsAnInvalidClient() {
		LocalHttp http = new LocalHttp(this.port);

		HttpResponse<String> response = http.send(http.request("/oauth2/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("grant_type=client_credentials&scope=admin")));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON))
					.isTrue());
		assertThat(Tokens.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAScopeTheClientWasNotGiven() {
		HttpResponse<String> admin = tokens().clientCredentials("shop-admin", TestSecrets.ADMIN_SECRET, "internal");
		HttpResponse<String> services = tokens().clientCredentials("shop-services", TestSecrets.SERVICES_SECRET,
				"admin");

		for (HttpResponse<String> response : List.of(admin, services)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(Tokens.json(response).get("error").asString()).isEqualTo("invalid_scope");
		}
	}

	@Test
	void publishesItsMetadataUnderTheConfiguredIssuer() {
		LocalHttp http = new LocalHttp(this.port);
		JsonNode metadata = Tokens.JSON
			.readTree(http.send(http.request("/.well-known/oauth-authorization-server").GET()).body());

		assertThat(metadata.get("issuer").asString()).isEqualTo(AuthServerTest.ISSUER);
		assertThat(metadata.get("token_endpoint").asString()).isEqualTo(AuthServerTest.ISSUER + "/oauth2/token");
		assertThat(metadata.get("authorization_endpoint").asString())
			.isEqualTo(AuthServerTest.ISSUER + "/oauth2/authorize");
		assertThat(metadata.get("jwks_uri").asString()).isEqualTo(AuthServerTest.ISSUER + "/oauth2/jwks");
	}

	@Test
	void servesTheOperationsEndpointsWithoutALogin() {
		LocalHttp http = new LocalHttp(this.port);
		for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
				"/actuator/prometheus")) {
			assertThat(http.send(http.request(path).GET()).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void answersOtherRequestsWithoutALoginWithAProblemOrTheLoginForm() {
		LocalHttp http = new LocalHttp(this.port);

		ProblemAssertions.assertProblem(http.send(http.request("/nothing-here").GET()), 401, "unauthorized",
				"Unauthorized");
		ProblemAssertions.assertProblem(http.send(http.request("/actuator/metrics").GET()), 401, "unauthorized",
				"Unauthorized");
		HttpResponse<String> browser = http.send(http.request("/nothing-here").header("Accept", "text/html").GET());
		assertThat(browser.statusCode()).isEqualTo(302);
		assertThat(browser.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
	}

	@Test
	void answersABadAuthorizationRequestWithAProblem() {
		LocalHttp http = new LocalHttp(this.port);

		HttpResponse<String> response = http
			.send(http.request("/oauth2/authorize?response_type=code&client_id=nobody&scope=shop"
					+ "&redirect_uri=http://127.0.0.1/callback")
				.GET());

		ProblemAssertions.assertProblem(response, 400, "invalid-request", "Invalid request");
	}

	private Tokens tokens() {
		return new Tokens(this.port);
	}

}
