package org.dsmastery.servicedefaults.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.StringUtils;

/**
 * Fails the start of a service whose {@value ServiceTokens#REGISTRATION_ID} secret is
 * missing, rather than its first call to another service. A class of its own, loaded only
 * where Spring Security's OAuth2 client is on the class path.
 */
final class ServiceTokenSecret {

	private ServiceTokenSecret() {
	}

	static void require(@Nullable ClientRegistration registration) {
		if (registration == null || !StringUtils.hasText(registration.getClientSecret())) {
			throw new IllegalStateException("The client " + ServiceTokens.REGISTRATION_ID
					+ " has no secret: set shop.identity.clients.services.secret (./platform up generates it into"
					+ " the state folder's secrets/, a Spring config tree)");
		}
	}

}
