package org.dsmastery.identity.clients;

import java.time.Duration;

import org.dsmastery.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The platform's three OAuth clients, registered in memory. The confidential clients'
 * secrets are kept only as hashes ({@code {bcrypt}...}, through the delegating password
 * encoder); neither they nor the hashes are ever logged.
 */
@Configuration(proxyBeanMethods = false)
public class ShopClients {

	/** The demo shopper app: public, authorization code with PKCE. */
	public static final String SHOPPER = "shop-shopper";

	/** Operators: admin APIs, audits, any customer's data. */
	public static final String ADMIN = "shop-admin";

	/** The services themselves, calling one another. */
	public static final String SERVICES = "shop-services";

	/**
	 * The shopper app's redirect URI: a loopback redirect (RFC 8252), on which the
	 * command-line client never listens; it reads the {@code code} from the
	 * {@code Location} header instead.
	 */
	public static final String SHOPPER_REDIRECT_URI = "http://127.0.0.1/callback";

	/** A shopper acting for their own customer id. */
	public static final String SCOPE_SHOP = "shop";

	/** An operator. */
	public static final String SCOPE_ADMIN = "admin";

	/** Service to service. */
	public static final String SCOPE_INTERNAL = "internal";

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties,
			PasswordEncoder passwordEncoder) {
		Duration ttl = properties.accessTokenTtl();
		return new InMemoryRegisteredClientRepository(shopper(ttl),
				confidential(ADMIN, passwordEncoder.encode(properties.clients().admin().secret()), SCOPE_ADMIN, ttl),
				confidential(SERVICES, passwordEncoder.encode(properties.clients().services().secret()), SCOPE_INTERNAL,
						ttl));
	}

	/**
	 * First party, so no consent screen; public, so PKCE (S256) is required and no
	 * refresh token is issued.
	 */
	static RegisteredClient shopper(Duration ttl) {
		return RegisteredClient.withId(SHOPPER)
			.clientId(SHOPPER)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(SHOPPER_REDIRECT_URI)
			.scope(SCOPE_SHOP)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens(ttl))
			.build();
	}

	static RegisteredClient confidential(String clientId, String secretHash, String scope, Duration ttl) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret(secretHash)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(scope)
			.tokenSettings(tokens(ttl))
			.build();
	}

	private static TokenSettings tokens(Duration ttl) {
		return TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(ttl)
			.build();
	}

}
