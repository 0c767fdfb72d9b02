package org.dsmastery.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 *
 * <p>
 * {@code --secure <config-tree>} (or the system property {@value #SECURE_PROPERTY})
 * starts the servers in secure mode with the {@link BackingCredentials} read from that
 * directory. {@code run/infra.properties} then names the user and protocols but holds no
 * password: services read those from the same config tree.
 */
public final class DevStackMain {

	/**
	 * The system property that names the config tree of secure mode, like
	 * {@code --secure}.
	 */
	public static final String SECURE_PROPERTY = "devstack.secure";

	private static final Logger logger = LoggerFactory.getLogger(DevStackMain.class);

	private DevStackMain() {
	}

	/**
	 * Starts the stack.
	 * @param args {@code [<data directory>] [--secure <config tree>]}: the data directory
	 * is {@code .platform} by default
	 * @throws Exception if a server does not start
	 */
	public static void main(String[] args) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(args));
		String configTree = System.getProperty(SECURE_PROPERTY);
		int secure = arguments.indexOf("--secure");
		if (secure >= 0) {
			if (secure + 1 >= arguments.size()) {
				throw new IllegalArgumentException("--secure needs the config tree that holds the passwords");
			}
			configTree = arguments.remove(secure + 1);
			arguments.remove(secure);
		}
		Path directory = Path.of(arguments.isEmpty() ? ".platform" : arguments.getFirst()).toAbsolutePath();
		DevStackConfig config = DevStackConfig.platform(directory, Topology.local());
		if (configTree != null) {
			config = config.secured(BackingCredentials.read(Path.of(configTree)));
		}
		DevStack stack = DevStack.start(config, EnumSet.allOf(Infra.class), true);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			logger.info("Stopping the dev stack");
			stack.close();
			stopped.countDown();
		}, "devstack-shutdown"));
		writeEnvironment(directory, stack);
		logger.info("devstack ready: postgres 127.0.0.1:{} redis 127.0.0.1:{} kafka {}{}", config.postgresPort(),
				config.redisPort(), config.kafkaBootstrapServers(), config.secure()
						? " (secure: user " + BackingCredentials.USER + ", passwords from " + configTree + ")" : "");
		stopped.await();
	}

	private static void writeEnvironment(Path directory, DevStack stack) throws IOException {
		Path run = Files.createDirectories(directory.resolve("run"));
		// never the passwords: services read them from the config tree themselves
		String lines = stack.springProperties(null)
			.entrySet()
			.stream()
			.filter((entry) -> !DevStack.SECRET_PROPERTIES.contains(entry.getKey()))
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("\n", "", "\n"));
		Files.writeString(run.resolve("infra.properties"), lines);
	}

}
