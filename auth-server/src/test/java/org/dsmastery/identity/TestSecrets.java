package org.dsmastery.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Random secrets for the server under test, made once per test JVM the way
 * {@code ./platform up} makes them once per state folder: nothing in the repository knows
 * them.
 */
public class TestSecrets implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String ADMIN_SECRET = random();

	static final String SERVICES_SECRET = random();

	static final String SHOPPER_PASSWORD = random();

	static Map<String, Object> all() {
		return Map.of(IdentityProperties.ADMIN_SECRET, ADMIN_SECRET, IdentityProperties.SERVICES_SECRET,
				SERVICES_SECRET, IdentityProperties.SHOPPER_PASSWORD, SHOPPER_PASSWORD);
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testSecrets", all()));
	}

	static String random() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
