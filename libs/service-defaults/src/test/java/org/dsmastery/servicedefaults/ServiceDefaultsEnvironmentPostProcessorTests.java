package org.dsmastery.servicedefaults;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefaultsEnvironmentPostProcessorTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void advertisesLoopbackToDiscovery() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("app",
					Map.of("spring.application.name", "id-generator", "server.port", "8085")));

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("eureka.instance.ip-address")).isEqualTo("127.0.0.1");
		assertThat(this.environment.getProperty("eureka.instance.instance-id")).isEqualTo("id-generator:8085");
		assertThat(this.environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
	}

	@Test
	void yieldsToTheServicesOwnConfiguration() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("app", Map.of("eureka.instance.ip-address", "10.0.0.7")));

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("eureka.instance.ip-address")).isEqualTo("10.0.0.7");
		assertThat(this.environment.getPropertySources()
			.stream()
			.reduce((first, second) -> second)
			.orElseThrow()
			.getName()).isEqualTo(ServiceDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

}
