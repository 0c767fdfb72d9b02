package org.dsmastery.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.dsmastery.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev stack as a process, for {@code ./platform up}: starts PostgreSQL, Redis and
 * Kafka on the loopback ports of {@code topology/platform.topology} with data under the
 * given directory, writes {@code run/infra.properties} and prints {@code devstack ready},
 * then runs until SIGTERM, on which it stops every server cleanly.
 */
public final class DevStackMain {

	private static final Logger logger = LoggerFactory.getLogger(DevStackMain.class);

	private DevStackMain() {
	}

	/**
	 * Starts the stack.
	 * @param args the data directory, {@code .platform} by default
	 * @throws Exception if a server does not start
	 */
	public static void main(String[] args) throws Exception {
		Path directory = Path.of((args.length > 0) ? args[0] : ".platform").toAbsolutePath();
		DevStackConfig config = DevStackConfig.platform(directory, Topology.local());
		DevStack stack = DevStack.start(config, EnumSet.allOf(Infra.class), true);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			logger.info("Stopping the dev stack");
			stack.close();
			stopped.countDown();
		}, "devstack-shutdown"));
		writeEnvironment(directory, stack);
		logger.info("devstack ready: postgres 127.0.0.1:{} redis 127.0.0.1:{} kafka {}", config.postgresPort(),
				config.redisPort(), config.kafkaBootstrapServers());
		stopped.await();
	}

	private static void writeEnvironment(Path directory, DevStack stack) throws IOException {
		Path run = Files.createDirectories(directory.resolve("run"));
		String lines = stack.springProperties(null)
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("\n", "", "\n"));
		Files.writeString(run.resolve("infra.properties"), lines);
	}

}
