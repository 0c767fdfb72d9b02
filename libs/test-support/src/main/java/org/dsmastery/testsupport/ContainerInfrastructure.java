package org.dsmastery.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dsmastery.devstack.Infra;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same backing services in Testcontainers, used only when a Docker engine answers.
 */
final class ContainerInfrastructure implements SharedInfrastructure.Provider {

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final Map<Infra, GenericContainer<?>> running = new EnumMap<>(Infra.class);

	@Override
	public synchronized Map<String, String> springProperties(Set<Infra> infra, String database) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Infra service : infra) {
			GenericContainer<?> container = this.running.computeIfAbsent(service, ContainerInfrastructure::start);
			switch (container) {
				case PostgreSQLContainer postgres when database != null -> {
					createDatabase(postgres, database);
					properties.put("spring.datasource.url", "jdbc:postgresql://" + postgres.getHost() + ":"
							+ postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database);
					properties.put("spring.datasource.username", postgres.getUsername());
					properties.put("spring.datasource.password", postgres.getPassword());
				}
				case KafkaContainer kafka ->
					properties.put("spring.kafka.bootstrap-servers", kafka.getBootstrapServers());
				case PostgreSQLContainer postgres -> {
					// no database asked for
				}
				default -> {
					properties.put("spring.data.redis.host", container.getHost());
					properties.put("spring.data.redis.port", Integer.toString(container.getMappedPort(6379)));
				}
			}
		}
		return properties;
	}

	private static GenericContainer<?> start(Infra service) {
		GenericContainer<?> container = switch (service) {
			case POSTGRES -> new PostgreSQLContainer("postgres:18-alpine");
			case REDIS -> new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
			case KAFKA -> new KafkaContainer("apache/kafka:4.1.0");
		};
		container.start();
		return container;
	}

	private static void createDatabase(PostgreSQLContainer postgres, String database) {
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("not a plain database name: " + database);
		}
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
				postgres.getPassword()); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + database, ex);
		}
	}

	@Override
	public synchronized void close() {
		List<GenericContainer<?>> containers = new ArrayList<>(this.running.values());
		this.running.clear();
		containers.reversed().forEach(GenericContainer::stop);
	}

}
