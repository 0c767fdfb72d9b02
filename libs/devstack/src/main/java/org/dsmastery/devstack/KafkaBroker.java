package org.dsmastery.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 4 broker in KRaft combined mode (broker and controller in one
 * process), run as its own JVM from the Kafka jars on this JVM's class path. The broker
 * stops by itself when the JVM that started it dies, so it never outlives its owner.
 *
 * <p>
 * Secure, it keeps its data in {@code kafka-secure/} and every listener demands SASL:
 * <ul>
 * <li>the client listener is {@code SASL_PLAINTEXT} with SCRAM-SHA-512 only, for the user
 * {@value BackingCredentials#USER}; it is also the inter-broker listener, the broker
 * logging in to itself as that user;</li>
 * <li>the KRaft controller listener is {@code SASL_PLAINTEXT} with PLAIN, the one user
 * and password listed in its JAAS configuration: SCRAM credentials live in the metadata
 * log the controller serves, so they cannot guard the controller itself. Left open, that
 * port would let anyone on the machine create topics or rewrite credentials.</li>
 * </ul>
 * The SCRAM credential is written when the storage is formatted ({@code --add-scram}),
 * the format step getting the password through the broker JVM's environment
 * ({@value #SCRAM_PASSWORD_VARIABLE}), never its command line. The credential lives in
 * the metadata log, so a changed password must be set through the broker, and only the
 * previous password opens it: before {@code server.properties} is rewritten, the password
 * the last start wrote into it is read back, and when it differs the new one is set with
 * {@code Admin.alterUserScramCredentials}, logged in with the old. (The Admin client does
 * not offer that call over the controller listener, and a reformat would lose the
 * topics.) {@code server.properties} is readable by its owner only; the controller's
 * PLAIN password needs no such step, the controller reading it from there on every start.
 */
final class KafkaBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	/**
	 * The environment variable that hands the broker JVM the SCRAM password to format new
	 * storage with.
	 */
	static final String SCRAM_PASSWORD_VARIABLE = "DEVSTACK_KAFKA_SCRAM_PASSWORD";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final String CLIENT_JAAS_CONFIG = "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config";

	private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

	private final Process process;

	private final DevStackConfig config;

	private final String previousPassword;

	private final Path log;

	private KafkaBroker(Process process, DevStackConfig config, String previousPassword, Path log) {
		this.process = process;
		this.config = config;
		this.previousPassword = previousPassword;
		this.log = log;
	}

	/**
	 * Starts the broker's JVM and returns at once: the caller starts other servers while
	 * Kafka boots (its JVM and KRaft take most of the stack's start-up), then calls
	 * {@link #awaitReady()}.
	 * @param stack where its data and log live, its ports and credentials
	 * @return the starting broker
	 */
	static KafkaBroker launch(DevStackConfig stack) {
		Ports.requireFree(stack.kafkaPort(), "Kafka");
		Ports.requireFree(stack.kafkaControllerPort(), "the Kafka controller");
		try {
			Path home = Files.createDirectories(stack.directory().resolve(stack.secure() ? "kafka-secure" : "kafka"));
			Path log = Files.createDirectories(stack.directory().resolve("logs")).resolve("kafka.log");
			Path config = home.resolve("server.properties");
			Path data = home.resolve("data");
			String previousPassword = (stack.secure() && Files.exists(data.resolve("meta.properties")))
					? previousPassword(config) : null;
			writeConfig(config, data, stack);
			// sized for a laptop (docs/performance.md, footprint): a single broker with a
			// few hundred records a second needs little heap and no C2 compiler
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms32m", "-Xmx160m", "-XX:+UseSerialGC",
					"-XX:MaxMetaspaceSize=128m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m",
					"-Dlogback.configurationFile=devstack-logback.xml", "-cp", System.getProperty("java.class.path"),
					KafkaBrokerProcess.class.getName(), Long.toString(ProcessHandle.current().pid()),
					config.toAbsolutePath().toString()));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			if (stack.secure()) {
				builder.environment().put(SCRAM_PASSWORD_VARIABLE, stack.credentials().kafkaPassword());
			}
			return new KafkaBroker(builder.start(), stack, previousPassword, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Kafka did not start", ex);
		}
	}

	/**
	 * Waits until the broker answers as a cluster, with its offsets topic created.
	 * @return this broker
	 */
	KafkaBroker awaitReady() {
		try {
			Ports.awaitOpen(this.config.kafkaPort(), "Kafka (log: " + this.log + ")", STARTUP_TIMEOUT,
					this.process.toHandle());
			if (this.previousPassword != null
					&& !this.previousPassword.equals(this.config.credentials().kafkaPassword())) {
				changeScramPassword(this.previousPassword);
			}
			awaitCluster();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		logger.info("Kafka listening on 127.0.0.1:{} (pid {}){}", this.config.kafkaPort(), this.process.pid(),
				this.config.secure() ? " for " + BackingCredentials.USER + " with SASL SCRAM-SHA-512" : "");
		return this;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Sets the SCRAM credential of the stack's user to its current password, logged in
	 * with the previous one, which the stored credential still matches.
	 */
	private void changeScramPassword(String previous) {
		BackingCredentials current = this.config.credentials();
		Map<String, Object> properties = new HashMap<>(this.config.kafkaClientProperties());
		properties.put("sasl.jaas.config",
				new BackingCredentials(current.postgresPassword(), current.redisPassword(), previous)
					.kafkaJaasConfig());
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STARTUP_TIMEOUT.toMillis());
		try (Admin admin = Admin.create(properties)) {
			admin
				.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(BackingCredentials.USER,
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), current.kafkaPassword())))
				.all()
				.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			logger.info("Kafka: the SCRAM password of {} changed", BackingCredentials.USER);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not change the SCRAM password of " + BackingCredentials.USER
					+ "; deleting " + this.config.directory().resolve("kafka-secure") + " starts afresh", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while changing Kafka's SCRAM password", ex);
		}
	}

	/**
	 * Returns the SCRAM password the last start wrote into {@code server.properties}, or
	 * {@code null} if it cannot be read.
	 */
	private static String previousPassword(Path file) throws IOException {
		if (!Files.exists(file)) {
			return null;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		Matcher matcher = JAAS_PASSWORD.matcher(properties.getProperty(CLIENT_JAAS_CONFIG, ""));
		return matcher.find() ? matcher.group(1) : null;
	}

	private void awaitCluster() {
		Map<String, Object> config = new HashMap<>(this.config.kafkaClientProperties());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STARTUP_TIMEOUT.toMillis());
		try (Admin admin = Admin.create(config)) {
			awaitNodes(admin);
			// Looking up a group's coordinator creates __consumer_offsets. Done here,
			// once,
			// it is there before the services' dozens of consumers ask at the same
			// moment,
			// which otherwise raced to create it and logged a WARN each (docs/logs.md).
			admin.listConsumerGroupOffsets("devstack-warm-up")
				.partitionsToOffsetAndMetadata()
				.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka opened its port but did not answer as a cluster", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for Kafka", ex);
		}
	}

	/**
	 * Waits for the cluster's nodes. A credential set through the controller reaches the
	 * broker a moment later, and until then it refuses the new password: such a refusal
	 * is retried until the start-up timeout.
	 */
	private static void awaitNodes(Admin admin) throws ExecutionException, TimeoutException, InterruptedException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (true) {
			try {
				admin.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				return;
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
					throw ex;
				}
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
	}

	private static void writeConfig(Path file, Path data, DevStackConfig stack) throws IOException {
		int port = stack.kafkaPort();
		int controllerPort = stack.kafkaControllerPort();
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		if (stack.secure()) {
			String password = stack.credentials().kafkaPassword();
			properties.setProperty("listeners",
					"SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
			properties.setProperty("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
			properties.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
			properties.setProperty("listener.security.protocol.map",
					"CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
			properties.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
			properties.setProperty("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
			properties.setProperty(CLIENT_JAAS_CONFIG, stack.credentials().kafkaJaasConfig());
			properties.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
			properties.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
			properties.setProperty("listener.name.controller.plain.sasl.jaas.config", plainJaasConfig(password));
		}
		else {
			properties.setProperty("listeners",
					"PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
			properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
			properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
			properties.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
		}
		properties.setProperty("log.dirs", data.toAbsolutePath().toString());
		properties.setProperty("num.partitions", "3");
		properties.setProperty("auto.create.topics.enable", "true");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("offsets.topic.num.partitions", "5");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("transaction.state.log.num.partitions", "5");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		// fewer threads than a production broker's defaults (3 network, 8 I/O, 10
		// background): each costs its stack and buffers, and one machine's load needs few
		properties.setProperty("num.network.threads", "2");
		properties.setProperty("num.io.threads", "2");
		properties.setProperty("background.threads", "2");
		// the log cleaner (compacting __consumer_offsets) allocates its dedupe buffer on
		// the
		// heap and zeroes it: 128 MB by default, resident for the broker's life; 8 MB
		// holds the offsets of far more groups than a machine runs
		properties.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
		properties.setProperty("log.retention.hours", "168");
		if (stack.secure()) {
			// the passwords in it are for its owner's eyes only, before a byte is written
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		try (Writer writer = Files.newBufferedWriter(file)) {
			properties.store(writer, "written by dsmastery devstack on every start");
		}
	}

	/**
	 * Returns the PLAIN JAAS configuration of the controller listener: the one user it
	 * accepts ({@code user_<name>}), and the same user and password for the broker's own
	 * connections to it.
	 */
	private static String plainJaasConfig(String password) {
		String user = BackingCredentials.USER;
		return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
				+ password + "\" user_" + user + "=\"" + password + "\";";
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				logger.warn("Kafka did not stop within 30 s; killing it");
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
