package org.dsmastery.topology;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How a tool outside the services (the audit, a test) reaches the platform's Kafka as
 * {@code ./platform up} runs it: its bootstrap servers, and, when the dev stack runs its
 * servers secured ({@code PLATFORM_BACKING=secure}), SASL/SCRAM as the user {@code shop}
 * with the password generated into the state folder.
 * <p>
 * Whether the stack runs secured is read from what it wrote on start
 * ({@code run/infra.properties}, which names the security protocol but holds no
 * password), so a tool follows the stack that runs, not the one the last command asked
 * for.
 */
public final class PlatformKafka {

	/** The password file, in the config tree the dev stack and the services share. */
	static final String PASSWORD_FILE = "secrets/backing/shop.backing.kafka-password";

	private PlatformKafka() {
	}

	/**
	 * The Kafka client properties of the platform that runs.
	 * @param topology where the broker listens
	 * @param state the platform's state folder
	 * @return {@code bootstrap.servers}, and the SASL settings when the stack is secured
	 */
	public static Map<String, Object> clientProperties(Topology topology, Path state) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bootstrap.servers", topology.kafkaBootstrapServers());
		Properties infra = infra(state.resolve("run/infra.properties"));
		String protocol = infra.getProperty("spring.kafka.security.protocol");
		if (protocol != null) {
			properties.put("security.protocol", protocol);
			properties.put("sasl.mechanism", infra.getProperty("spring.kafka.properties.sasl.mechanism"));
			properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
					+ "username=\"shop\" password=\"" + password(state.resolve(PASSWORD_FILE)) + "\";");
		}
		return properties;
	}

	private static Properties infra(Path file) {
		Properties properties = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return properties;
	}

	private static String password(Path file) {
		try {
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the dev stack runs secured, but its Kafka password is not in " + file, ex);
		}
	}

}
