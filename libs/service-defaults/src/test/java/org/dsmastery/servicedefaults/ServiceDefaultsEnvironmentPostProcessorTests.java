package org.dsmastery.servicedefaults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.ConfigTreePropertySource.Option;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefaultsEnvironmentPostProcessorTests {

	/** What each service's application.yml says of its database login. */
	private static final MapPropertySource APPLICATION_YML = new MapPropertySource("application.yml",
			Map.of("spring.datasource.username", "${DB_USER:postgres}", "spring.datasource.password",
					"${DB_PASSWORD:postgres}"));

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

	@Test
	void bindsAnActuatorWithAPortOfItsOwnToLoopback() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("app", Map.of("server.port", "8081", "MANAGEMENT_PORT", "9081")));

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("management.server.port", Integer.class)).isEqualTo(9081);
		assertThat(this.environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void bindsAContainersActuatorWhereItIsTold() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("app",
					Map.of("server.port", "8081", "MANAGEMENT_PORT", "9081", "MANAGEMENT_ADDRESS", "0.0.0.0")));

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("management.server.address")).isEqualTo("0.0.0.0");
	}

	@Test
	void leavesAnActuatorOnTheServicesPortWithoutAnAddress() {
		this.environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("server.port", "8081")));

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("management.server.port", Integer.class)).isNull();
		assertThat(this.environment.containsProperty("management.server.address")).isFalse();
	}

	@Test
	void logsInToTheBackingServersAsShopWithTheSecureBackingProfile(@TempDir Path secrets) throws IOException {
		Files.writeString(secrets.resolve("shop.backing.postgres-password"), "pg-secret\n");
		Files.writeString(secrets.resolve("shop.backing.redis-password"), "redis-secret");
		Files.writeString(secrets.resolve("shop.backing.kafka-password"), "kafka-secret");
		this.environment.getPropertySources().addFirst(APPLICATION_YML);
		this.environment.getPropertySources()
			.addFirst(new ConfigTreePropertySource("secrets", secrets, Option.AUTO_TRIM_TRAILING_NEW_LINE));
		this.environment.setActiveProfiles(ServiceDefaultsEnvironmentPostProcessor.SECURE_BACKING_PROFILE);

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("shop");
		assertThat(this.environment.getProperty("spring.datasource.password")).isEqualTo("pg-secret");
		assertThat(this.environment.getProperty("spring.data.redis.username")).isEqualTo("shop");
		assertThat(this.environment.getProperty("spring.data.redis.password")).isEqualTo("redis-secret");
		assertThat(this.environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
		assertThat(this.environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
		assertThat(this.environment.getProperty("spring.kafka.properties.sasl.jaas.config")).isEqualTo(
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"shop\" password=\"kafka-secret\";");
	}

	@Test
	void leavesTheBackingServersOpenWithoutTheProfile() {
		this.environment.getPropertySources().addFirst(APPLICATION_YML);

		new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
		assertThat(this.environment.containsProperty("spring.data.redis.password")).isFalse();
		assertThat(this.environment.containsProperty("spring.kafka.security.protocol")).isFalse();
	}

}
