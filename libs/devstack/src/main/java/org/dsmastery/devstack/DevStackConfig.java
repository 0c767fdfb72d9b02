package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dsmastery.topology.Topology;

/**
 * Where the dev stack keeps its data, which loopback ports it listens on, and whether its
 * servers demand credentials. Without credentials (the default) every server accepts
 * anyone on the loopback interface; {@link #secured(BackingCredentials)} turns on
 * password authentication for the user {@value BackingCredentials#USER} on all three.
 *
 * @param directory root of the stack's data, logs and pid files
 * @param postgresPort PostgreSQL port
 * @param redisPort Redis port
 * @param kafkaPort Kafka client port (PLAINTEXT, or SASL_PLAINTEXT when secure)
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param databases the PostgreSQL databases to create if missing
 * @param credentials the passwords the servers demand, or {@code null} for open servers
 */
public record DevStackConfig(Path directory, int postgresPort, int redisPort, int kafkaPort, int kafkaControllerPort,
		List<String> databases, BackingCredentials credentials) {

	/**
	 * An open configuration: servers that accept anyone on the loopback interface.
	 * @param directory root of the stack's data, logs and pid files
	 * @param postgresPort PostgreSQL port
	 * @param redisPort Redis port
	 * @param kafkaPort Kafka client (PLAINTEXT) port
	 * @param kafkaControllerPort Kafka KRaft controller port
	 * @param databases the PostgreSQL databases to create if missing
	 */
	public DevStackConfig(Path directory, int postgresPort, int redisPort, int kafkaPort, int kafkaControllerPort,
			List<String> databases) {
		this(directory, postgresPort, redisPort, kafkaPort, kafkaControllerPort, databases, null);
	}

	/**
	 * The ports and databases of {@code topology/platform.topology}, which
	 * {@code ./platform up} uses: fixed and not the servers' defaults, so that the
	 * platform never collides with a PostgreSQL, Redis or Kafka the developer already
	 * runs.
	 * @param directory root of the stack's data
	 * @param topology the platform's processes
	 * @return the configuration
	 */
	public static DevStackConfig platform(Path directory, Topology topology) {
		return new DevStackConfig(directory, topology.instance("postgresql").port(), topology.instance("redis").port(),
				topology.instance("kafka").port(), topology.instance("kafka-controller").port(), topology.databases());
	}

	/**
	 * Free ports picked at random, for tests that must not collide with a running
	 * platform or with each other.
	 * @param directory root of the stack's data
	 * @param databases the databases to create
	 * @return the configuration
	 */
	public static DevStackConfig ephemeral(Path directory, List<String> databases) {
		return new DevStackConfig(directory, freePort(), freePort(), freePort(), freePort(), databases);
	}

	/**
	 * Returns this configuration with servers that demand the given credentials. A secure
	 * stack keeps PostgreSQL's and Kafka's data apart from an open one's
	 * ({@code postgres-secure/} and {@code kafka-secure/} beside {@code postgres/} and
	 * {@code kafka/}), so switching modes never breaks either.
	 * @param credentials the passwords of the user {@value BackingCredentials#USER}
	 * @return the secure configuration
	 */
	public DevStackConfig secured(BackingCredentials credentials) {
		if (credentials == null) {
			throw new IllegalArgumentException("a secure configuration needs credentials");
		}
		return new DevStackConfig(this.directory, this.postgresPort, this.redisPort, this.kafkaPort,
				this.kafkaControllerPort, this.databases, credentials);
	}

	/**
	 * Returns whether the servers demand credentials.
	 * @return {@code true} in secure mode
	 */
	public boolean secure() {
		return this.credentials != null;
	}

	/**
	 * Returns the JDBC URL of a database.
	 * @param database the database name
	 * @return the URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.postgresPort + "/" + database;
	}

	/**
	 * Returns the Kafka bootstrap servers.
	 * @return host:port of the broker
	 */
	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	/**
	 * Returns the properties a plain Kafka client (an {@code Admin}, a producer, a
	 * consumer) connects to the broker with: the bootstrap servers and, in secure mode,
	 * SASL_PLAINTEXT with SCRAM-SHA-512 as {@value BackingCredentials#USER}.
	 * @return client property names and values, to extend with the client's own
	 */
	public Map<String, Object> kafkaClientProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bootstrap.servers", kafkaBootstrapServers());
		if (secure()) {
			properties.put("security.protocol", "SASL_PLAINTEXT");
			properties.put("sasl.mechanism", "SCRAM-SHA-512");
			properties.put("sasl.jaas.config", this.credentials.kafkaJaasConfig());
		}
		return properties;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
