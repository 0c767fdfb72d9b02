package org.dsmastery.identity.keys;

import java.time.Clock;

import org.dsmastery.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The signing keys as the authorization server's {@code JWKSource} (in place of the
 * single key Spring Boot would generate) and the encoder that signs with the current key.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeysConfiguration {

	@Bean
	RotatingSigningKeys signingKeys(Clock clock, IdentityProperties properties) {
		return new RotatingSigningKeys(clock, properties.accessTokenTtl());
	}

	@Bean
	JwtEncoder jwtEncoder(RotatingSigningKeys keys) {
		return new NimbusJwtEncoder(keys.signing());
	}

}
