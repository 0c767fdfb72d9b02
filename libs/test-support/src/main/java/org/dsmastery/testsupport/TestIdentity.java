package org.dsmastery.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The platform's auth-server as the services' tests meet it: an RSA key, its JWKS served
 * on a loopback port (with a token endpoint that grants a service's client-credentials
 * request), and access tokens signed with it, shaped like the auth-server's (issuer,
 * audience {@value #AUDIENCE}, scope, {@code customer_id} for shoppers). One per test
 * JVM; every Spring test context points its resource server here
 * ({@link IdentityContextCustomizerFactory}), so a service's tests run with the same
 * security as the running service, and call it as the caller they mean to be:
 *
 * <pre class="code">
 * RestClient admin = LocalHttp.client(port, TestIdentity.shared().admin());
 * RestClient shopper = LocalHttp.client(port, TestIdentity.shared().shopper("42"));
 * </pre>
 */
public final class TestIdentity {

	/** The audience of the platform's access tokens. */
	public static final String AUDIENCE = "shop-api";

	private static TestIdentity shared;

	private final RSAKey key;

	private final StubHttpServer jwks;

	private TestIdentity() {
		this.key = newKey();
		String publicKeys = new JWKSet(this.key.toPublicJWK()).toString();
		this.jwks = StubHttpServer.start((exchange) -> {
			if (exchange.getRequestURI().getPath().equals("/oauth2/token")) {
				// a service's client-credentials request (ServiceTokens): always granted
				StubHttpServer.respond(exchange, 200, "{\"access_token\":\"" + internal()
						+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"internal\"}");
			}
			else {
				StubHttpServer.respond(exchange, 200, publicKeys);
			}
		});
	}

	/**
	 * The test JVM's identity, started on first use.
	 * @return the identity
	 */
	public static synchronized TestIdentity shared() {
		if (shared == null) {
			shared = new TestIdentity();
		}
		return shared;
	}

	/**
	 * The issuer the tokens name, which is also where the JWKS is served.
	 * @return the issuer's URL
	 */
	public String issuer() {
		return this.jwks.url();
	}

	/**
	 * The resource-server properties that point a service at this identity.
	 * @return the properties
	 */
	public Map<String, String> springProperties() {
		return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer() + "/oauth2/jwks",
				"shop.identity.clients.services.secret", "test-services-secret");
	}

	/**
	 * A token of the {@code shop-admin} client: scope {@code admin}.
	 * @return the token, for an {@code Authorization: Bearer} header
	 */
	public String admin() {
		return token((claims) -> claims.subject("shop-admin").claim("client_id", "shop-admin").claim("scope", "admin"));
	}

	/**
	 * A token of the {@code shop-services} client: scope {@code internal}.
	 * @return the token
	 */
	public String internal() {
		return token((claims) -> claims.subject("shop-services")
			.claim("client_id", "shop-services")
			.claim("scope", "internal"));
	}

	/**
	 * A shopper's token: scope {@code shop}, acting for one customer.
	 * @param customerId the customer
	 * @return the token
	 */
	public String shopper(String customerId) {
		return token((claims) -> claims.subject(customerId)
			.claim("client_id", "shop-shopper")
			.claim("customer_id", customerId)
			.claim("scope", "shop"));
	}

	/**
	 * A token valid in every way but what the customizer changes: for the tests of what a
	 * service refuses (expired, another issuer, another audience).
	 * @param claims changes to the claims
	 * @return the token
	 */
	public String token(Consumer<JWTClaimsSet.Builder> claims) {
		return sign(this.key, claims);
	}

	/**
	 * A token like {@link #admin()} but signed by a key the JWKS does not have.
	 * @return the token
	 */
	public String adminSignedByAnotherKey() {
		return sign(newKey(), (claims) -> claims.subject("shop-admin").claim("scope", "admin"));
	}

	private String sign(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> customizer) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.audience(List.of(AUDIENCE))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
			.jwtID(UUID.randomUUID().toString());
		customizer.accept(claims);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
