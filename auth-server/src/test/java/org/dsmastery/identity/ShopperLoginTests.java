package org.dsmastery.identity;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.ProblemAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class ShopperLoginTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void logsAShopperInWithPkceAndIssuesATokenForTheirCustomerId() throws Exception {
		ShopperLogin shopper = shopper();

		URI login = shopper.authorize(true);
		assertThat(login.getPath()).isEqualTo("/login");
		URI back = shopper.submitLogin("42", TestSecrets.SHOPPER_PASSWORD, shopper.loginForm());
		assertThat(back.getPath()).isEqualTo("/oauth2/authorize");
		URI callback = shopper.follow(back);
		assertThat(callback.toString()).startsWith("http://127.0.0.1/callback?");
		String code = shopper.code(callback).orElseThrow();
		HttpResponse<String> response = shopper.exchange(code);

		assertThat(Tokens.json(response).has("refresh_token")).isFalse();
		JWTClaimsSet claims = new Tokens(this.port).verified(Tokens.accessToken(response)).getJWTClaimsSet();
		assertThat(claims.getStringClaim("customer_id")).isEqualTo("42");
		assertThat(claims.getSubject()).isEqualTo("42");
		assertThat(claims.getStringListClaim("scope")).containsExactly("shop");
		assertThat(claims.getAudience()).containsExactly("shop-api");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("shop-shopper");
		assertThat(claims.getIssuer()).isEqualTo(AuthServerTest.ISSUER);
		// a code is good for one exchange
		assertThat(Tokens.json(shopper.exchange(code)).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aWrongPasswordGetsNoCode() {
		ShopperLogin shopper = shopper();
		shopper.authorize(true);

		URI back = shopper.submitLogin("42", "not-" + TestSecrets.SHOPPER_PASSWORD, shopper.loginForm());

		assertThat(back.getPath()).isEqualTo("/login");
		assertThat(back.getQuery()).isEqualTo("error");
		assertThat(shopper().login("42", "not-" + TestSecrets.SHOPPER_PASSWORD)).isEmpty();
	}

	@Test
	void aUsernameThatIsNotACustomerIdIsRefused() {
		for (String username : new String[] { "abc", "42a", "-42", "4.2", "", "12345678901234567890" }) {
			assertThat(shopper().login(username, TestSecrets.SHOPPER_PASSWORD)).as(username).isEmpty();
		}
		assertThat(shopper().login("1234567890123456789", TestSecrets.SHOPPER_PASSWORD)).isPresent();
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() {
		ShopperLogin shopper = shopper();

		URI answer = shopper.authorize(false);

		assertThat(answer.toString()).startsWith("http://127.0.0.1/callback?");
		Map<String, String> query = ShopperLogin.query(answer);
		assertThat(query).containsEntry("error", "invalid_request").doesNotContainKey("code");
		assertThat(query.get("error_description")).contains("code_challenge");
	}

	@Test
	void aCodeExchangedWithoutAVerifierIsAnInvalidClient() {
		ShopperLogin shopper = shopper();
		shopper.authorize(true);
		URI back = shopper.submitLogin("7", TestSecrets.SHOPPER_PASSWORD, shopper.loginForm());
		String code = shopper.code(shopper.follow(back)).orElseThrow();
		LocalHttp http = new LocalHttp(this.port);

		HttpResponse<String> response = http.send(http.request("/oauth2/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("grant_type=authorization_code&client_id=shop-shopper&code=" + code
					+ "&redirect_uri=http://127.0.0.1/callback")));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Tokens.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void aCodeIsExchangedOnlyWithItsVerifier() {
		ShopperLogin shopper = shopper();
		shopper.authorize(true);
		URI back = shopper.submitLogin("7", TestSecrets.SHOPPER_PASSWORD, shopper.loginForm());
		String code = shopper.code(shopper.follow(back)).orElseThrow();

		HttpResponse<String> response = shopper.exchange(code, "a-verifier-that-is-not-the-one-hashed-0123456789");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Tokens.json(response).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aLoginWithoutItsCsrfTokenIsAForbiddenProblem() {
		LocalHttp http = new LocalHttp(this.port);

		HttpResponse<String> response = http.send(http.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=42&password=" + TestSecrets.SHOPPER_PASSWORD + "&_csrf=forged")));

		ProblemAssertions.assertProblem(response, 403, "forbidden", "Forbidden");
	}

	private ShopperLogin shopper() {
		return new ShopperLogin(URI.create("http://127.0.0.1:" + this.port));
	}

}
