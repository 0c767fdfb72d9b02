package org.dsmastery.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auth-server, under {@code shop.identity}. The three secrets have no
 * default anywhere in the repository: {@code ./platform up} generates them into its state
 * folder and passes them as a config tree, and the server refuses to start without them
 * ({@link MissingSecretsException}).
 *
 * @param accessTokenTtl how long an access token is valid
 * @param keyRotation how often a new signing key replaces the current one
 * @param shopperPassword the one password every demo shopper logs in with
 * @param clients the confidential clients' secrets
 */
@ConfigurationProperties("shop.identity")
public record IdentityProperties(@DefaultValue("30m") Duration accessTokenTtl,
		@DefaultValue("24h") Duration keyRotation, @Nullable String shopperPassword, @DefaultValue Clients clients) {

	static final String SHOPPER_PASSWORD = "shop.identity.shopper-password";

	static final String ADMIN_SECRET = "shop.identity.clients.admin.secret";

	static final String SERVICES_SECRET = "shop.identity.clients.services.secret";

	public IdentityProperties {
		if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
			throw new IllegalArgumentException("shop.identity.access-token-ttl must be positive");
		}
		if (keyRotation.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("shop.identity.key-rotation must be at least 1m: every key rotated out "
					+ "stays published for the token lifetime, so a shorter period only grows the JWKS");
		}
		List<String> missing = new ArrayList<>();
		if (blank(shopperPassword)) {
			missing.add(SHOPPER_PASSWORD);
		}
		if (blank(clients.admin().secret())) {
			missing.add(ADMIN_SECRET);
		}
		if (blank(clients.services().secret())) {
			missing.add(SERVICES_SECRET);
		}
		if (!missing.isEmpty()) {
			throw new MissingSecretsException(missing);
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The secrets of the confidential clients.
	 *
	 * @param admin {@code shop-admin}, the operators' client
	 * @param services {@code shop-services}, the services' own client
	 */
	public record Clients(@DefaultValue Client admin, @DefaultValue Client services) {

	}

	/**
	 * One confidential client's settings.
	 *
	 * @param secret its client secret, in clear: it is hashed before it is kept
	 */
	public record Client(@Nullable String secret) {

	}

}
