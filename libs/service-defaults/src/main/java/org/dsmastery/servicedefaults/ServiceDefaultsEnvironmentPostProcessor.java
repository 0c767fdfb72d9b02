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

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(load());
		if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
				&& !environment.containsProperty(MANAGEMENT_ADDRESS)) {
			String address = environment.getProperty("MANAGEMENT_ADDRESS", "127.0.0.1");
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME + "ManagementAddress",
						Map.of(MANAGEMENT_ADDRESS, address)));
		}
	}

	private static PropertySource<?> load() {
		try {
			return new ResourcePropertySource(PROPERTY_SOURCE_NAME, new ClassPathResource("service-defaults.properties",
					ServiceDefaultsEnvironmentPostProcessor.class));
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
