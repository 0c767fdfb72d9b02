package org.dsmastery.identity.tokens;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringAuthorizationsTests {

	private static final RegisteredClient CLIENT = RegisteredClient.withId("probe")
		.clientId("probe")
		.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
		.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
		.build();

	private final ExpiringAuthorizations authorizations = new ExpiringAuthorizations();

	@Test
	void keepsAnAuthorizationThroughOneAgingAndForgetsItAtTheSecond() {
		OAuth2Authorization authorization = authorization("a", "token-a");
		this.authorizations.save(authorization);

		this.authorizations.age();
		assertThat(this.authorizations.findById("a")).isNotNull();
		assertThat(this.authorizations.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();

		this.authorizations.age();
		assertThat(this.authorizations.findById("a")).isNull();
		assertThat(this.authorizations.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNull();
	}

	@Test
	void aSaveMovesAnAuthorizationIntoTheCurrentGeneration() {
		this.authorizations.save(authorization("a", "token-a"));
		this.authorizations.age();

		this.authorizations.save(authorization("a", "token-b"));
		this.authorizations.age();

		assertThat(this.authorizations.findByToken("token-b", null)).isNotNull();
		assertThat(this.authorizations.findByToken("token-a", null)).isNull();
	}

	@Test
	void removesFromEitherGeneration() {
		OAuth2Authorization older = authorization("older", "token-older");
		this.authorizations.save(older);
		this.authorizations.age();
		OAuth2Authorization newer = authorization("newer", "token-newer");
		this.authorizations.save(newer);

		this.authorizations.remove(older);
		this.authorizations.remove(newer);

		assertThat(this.authorizations.findById("older")).isNull();
		assertThat(this.authorizations.findById("newer")).isNull();
	}

	private static OAuth2Authorization authorization(String id, String token) {
		Instant now = Instant.now();
		return OAuth2Authorization.withRegisteredClient(CLIENT)
			.id(id)
			.principalName("probe")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(60)))
			.build();
	}

}
