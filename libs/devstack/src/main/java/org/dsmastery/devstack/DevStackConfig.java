package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.dsmastery.topology.Topology;

/**
 * Where the dev stack keeps its data and which loopback ports it listens on.
 *
 * @param directory root of the stack's data, logs and pid files
 * @param postgresPort PostgreSQL port
 * @param redisPort Redis port
 * @param kafkaPort Kafka client (PLAINTEXT) port
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param databases the PostgreSQL databases to create if missing
 */
public record DevStackConfig(Path directory, int postgresPort, int redisPort, int kafkaPort, int kafkaControllerPort,
		List<String> databases) {

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

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
