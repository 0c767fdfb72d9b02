package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 4 broker in KRaft combined mode (broker and controller in one
 * process), run as its own JVM from the Kafka jars on this JVM's class path. The broker
 * stops by itself when the JVM that started it dies, so it never outlives its owner.
 */
final class KafkaBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final Process process;

	private final int port;

	private final Path log;

	private KafkaBroker(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the broker's JVM and returns at once: the caller starts other servers while
	 * Kafka boots (its JVM and KRaft take most of the stack's start-up), then calls
	 * {@link #awaitReady()}.
	 * @param directory where its data and log live
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @return the starting broker
	 */
	static KafkaBroker launch(Path directory, int port, int controllerPort) {
		Ports.requireFree(port, "Kafka");
		Ports.requireFree(controllerPort, "the Kafka controller");
		try {
			Path home = Files.createDirectories(directory.resolve("kafka"));
			Path log = Files.createDirectories(directory.resolve("logs")).resolve("kafka.log");
			Path config = home.resolve("server.properties");
			writeConfig(config, home.resolve("data"), port, controllerPort);
			// sized for a laptop (docs/performance.md, footprint): a single broker with a
			// few hundred records a second needs little heap and no C2 compiler
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms32m", "-Xmx160m", "-XX:+UseSerialGC",
					"-XX:MaxMetaspaceSize=128m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m",
					"-Dlogback.configurationFile=devstack-logback.xml", "-cp", System.getProperty("java.class.path"),
					KafkaBrokerProcess.class.getName(), Long.toString(ProcessHandle.current().pid()),
					config.toAbsolutePath().toString()));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			return new KafkaBroker(builder.start(), port, log);
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
			Ports.awaitOpen(this.port, "Kafka (log: " + this.log + ")", STARTUP_TIMEOUT, this.process.toHandle());
			awaitCluster(this.port);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		logger.info("Kafka listening on 127.0.0.1:{} (pid {})", this.port, this.process.pid());
		return this;
	}

	long pid() {
		return this.process.pid();
	}

	private void awaitCluster(int port) {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				(int) STARTUP_TIMEOUT.toMillis());
		try (Admin admin = Admin.create(config)) {
			admin.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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

	private static void writeConfig(Path file, Path data, int port, int controllerPort) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
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
		try (Writer writer = Files.newBufferedWriter(file)) {
			properties.store(writer, "written by dsmastery devstack on every start");
		}
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
