package org.dsmastery.servicedefaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code service-defaults.properties} as the property source of lowest precedence,
 * so every service gets the same discovery, actuator and error settings while its own
 * {@code application.yml}, profiles and environment variables still win.
 * <p>
 * An actuator given a port of its own ({@code MANAGEMENT_PORT}) listens on loopback only,
 * unless {@code management.server.address} or {@code MANAGEMENT_ADDRESS} says otherwise
 * (a container's orchestrator probes it from outside the container). Boot refuses an
 * address for an actuator that shares the service's port, so the default is set only when
 * the ports differ.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "dsmasteryServiceDefaults";

	static final String MANAGEMENT_ADDRESS = "management.server.address";

	/** The profile of backing servers that demand credentials. */
	public static final String SECURE_BACKING_PROFILE = "secure-backing";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.acceptsProfiles(Profiles.of(SECURE_BACKING_PROFILE))) {
			environment.getPropertySources()
				.addLast(load(PROPERTY_SOURCE_NAME + "SecureBacking", "service-defaults-secure-backing.properties"));
		}
		environment.getPropertySources().addLast(load(PROPERTY_SOURCE_NAME, "service-defaults.properties"));
		if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
				&& !environment.containsProperty(MANAGEMENT_ADDRESS)) {
			String address = environment.getProperty("MANAGEMENT_ADDRESS", "127.0.0.1");
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME + "ManagementAddress",
						Map.of(MANAGEMENT_ADDRESS, address)));
		}
	}

	private static PropertySource<?> load(String name, String file) {
		try {
			return new ResourcePropertySource(name,
					new ClassPathResource(file, ServiceDefaultsEnvironmentPostProcessor.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
