package org.dsmastery.identity;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.dsmastery.testsupport.LocalHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks the server under test for tokens and checks them the way a resource server does:
 * the signature against the key the {@code kid} names in {@code /oauth2/jwks}.
 */
final class Tokens {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final LocalHttp http;

	Tokens(int port) {
		this.http = new LocalHttp(port);
	}

	/**
	 * A client credentials grant, the client authenticated with HTTP Basic.
	 */
	HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.http.send(this.http.request("/oauth2/token")
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("grant_type", "client_credentials", "scope", scope))));
	}

	/**
	 * The access token of a successful token response.
	 */
	static String accessToken(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	JWKSet jwks() {
		HttpResponse<String> response = this.http.send(this.http.request("/oauth2/jwks").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		try {
			return JWKSet.parse(response.body());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Parses a token and verifies its RS256 signature with the key its {@code kid} names
	 * in the JWKS the server publishes now.
	 */
	SignedJWT verified(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			String kid = jwt.getHeader().getKeyID();
			JWK key = jwks().getKeyByKeyId(kid);
			assertThat(key).as("the JWKS has the key %s", kid).isNotNull();
			assertThat(key.isPrivate()).isFalse();
			assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();
			return jwt;
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static BodyPublisher form(Map<String, String> fields) {
		return BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
