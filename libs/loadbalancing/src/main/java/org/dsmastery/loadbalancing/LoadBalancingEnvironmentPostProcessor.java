package org.dsmastery.loadbalancing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code loadbalancing-defaults.properties} (short health-check intervals, instance
 * lists fetched again from discovery) as the property source of lowest precedence.
 * Without {@code refetch-instances} Spring's health-checked list would keep the instances
 * it saw first and never see a new one.
 */
public class LoadBalancingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "dsmasteryLoadBalancingDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(PROPERTY_SOURCE_NAME, new ClassPathResource(
						"loadbalancing-defaults.properties", LoadBalancingEnvironmentPostProcessor.class)));
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
