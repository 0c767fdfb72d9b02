package org.dsmastery.devstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL, Redis and Kafka servers started from Maven artifacts: what
 * {@code ./platform up} runs, and what tests share through {@code libs/test-support}.
 * Closing the stack stops the servers in the reverse order of their start.
 *
 * <p>
 * Open by default; a configuration {@link DevStackConfig#secured secured} with
 * {@link BackingCredentials} makes every server demand the password of the user
 * {@value BackingCredentials#USER}, and {@link #springProperties} then carries it.
 *
 * <pre class="code">
 * try (DevStack stack = DevStack.start(DevStackConfig.ephemeral(dir, List.of("orders")), EnumSet.allOf(Infra.class), false)) {
 *     String url = stack.config().jdbcUrl("orders");
 * }
 * </pre>
 */
public final class DevStack implements AutoCloseable {

	/**
	 * The {@link #springProperties} that carry a password in secure mode: what must not
	 * be written where others can read it.
	 */
	public static final Set<String> SECRET_PROPERTIES = Set.of("spring.datasource.password",
			"spring.data.redis.password", "spring.kafka.properties.sasl.jaas.config");

	private static final Logger logger = LoggerFactory.getLogger(DevStack.class);

	private final DevStackConfig config;

	private final Set<Infra> running;

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private PostgresServer postgres;

	private DevStack(DevStackConfig config, Set<Infra> running) {
		this.config = config;
		this.running = running;
	}

	/**
	 * Starts the given servers and waits until each one answers.
	 * @param config ports, data directory and, in secure mode, credentials
	 * @param infra which servers to start
	 * @param durable whether PostgreSQL syncs to disk and Redis keeps an append-only file
	 * ({@code false} is faster, for tests)
	 * @return the running stack
	 */
	public static DevStack start(DevStackConfig config, Set<Infra> infra, boolean durable) {
		DevStack stack = new DevStack(config, EnumSet.copyOf(infra));
		try {
			// Kafka's JVM boots while PostgreSQL and Redis start: the stack is ready in
			// the time of the slowest server, not of all three in a row
			KafkaBroker kafka = null;
			if (infra.contains(Infra.KAFKA)) {
				kafka = KafkaBroker.launch(config);
				stack.started.push(kafka);
			}
			if (infra.contains(Infra.POSTGRES)) {
				stack.postgres = PostgresServer.start(config.directory(), config.postgresPort(), config.databases(),
						durable, config.credentials());
				stack.started.push(stack.postgres);
			}
			if (infra.contains(Infra.REDIS)) {
				stack.started
					.push(RedisServer.start(config.directory(), config.redisPort(), durable, config.credentials()));
			}
			if (kafka != null) {
				kafka.awaitReady();
			}
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	/**
	 * Returns the ports and directory the stack runs with.
	 * @return the configuration
	 */
	public DevStackConfig config() {
		return this.config;
	}

	/**
	 * Creates PostgreSQL databases that do not exist yet.
	 * @param databases plain lower-case database names
	 * @throws IllegalStateException if this stack runs no PostgreSQL
	 */
	public void createDatabases(List<String> databases) {
		if (this.postgres == null) {
			throw new IllegalStateException("this stack runs no PostgreSQL");
		}
		this.postgres.createMissing(databases);
	}

	/**
	 * Returns the Spring Boot properties that connect an application to this stack. In
	 * secure mode they log in as {@value BackingCredentials#USER}: the data source and
	 * Redis with user name and password, Kafka with {@code SASL_PLAINTEXT} and
	 * SCRAM-SHA-512 (the password inside {@code sasl.jaas.config}); the
	 * {@link #SECRET_PROPERTIES} among them hold the passwords.
	 * @param database the PostgreSQL database of the application, or {@code null} for
	 * none
	 * @return property names and values
	 */
	public Map<String, String> springProperties(String database) {
		BackingCredentials credentials = this.config.credentials();
		Map<String, String> properties = new LinkedHashMap<>();
		if (this.running.contains(Infra.POSTGRES) && database != null) {
			properties.put("spring.datasource.url", this.config.jdbcUrl(database));
			properties.put("spring.datasource.username", (credentials != null) ? BackingCredentials.USER : "postgres");
			properties.put("spring.datasource.password",
					(credentials != null) ? credentials.postgresPassword() : "postgres");
		}
		if (this.running.contains(Infra.REDIS)) {
			properties.put("spring.data.redis.host", "127.0.0.1");
			properties.put("spring.data.redis.port", Integer.toString(this.config.redisPort()));
			if (credentials != null) {
				properties.put("spring.data.redis.username", BackingCredentials.USER);
				properties.put("spring.data.redis.password", credentials.redisPassword());
			}
		}
		if (this.running.contains(Infra.KAFKA)) {
			properties.put("spring.kafka.bootstrap-servers", this.config.kafkaBootstrapServers());
			if (credentials != null) {
				properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
				properties.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
				properties.put("spring.kafka.properties.sasl.jaas.config", credentials.kafkaJaasConfig());
			}
		}
		return properties;
	}

	/**
	 * Returns the properties a plain Kafka client connects to this stack's broker with,
	 * SASL included in secure mode.
	 * @return client property names and values, to extend with the client's own
	 * @throws IllegalStateException if this stack runs no Kafka
	 * @see DevStackConfig#kafkaClientProperties()
	 */
	public Map<String, Object> kafkaClientProperties() {
		if (!this.running.contains(Infra.KAFKA)) {
			throw new IllegalStateException("this stack runs no Kafka");
		}
		return this.config.kafkaClientProperties();
	}

	@Override
	public void close() {
		while (!this.started.isEmpty()) {
			AutoCloseable server = this.started.pop();
			try {
				server.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {}", server, ex);
			}
		}
	}

}
