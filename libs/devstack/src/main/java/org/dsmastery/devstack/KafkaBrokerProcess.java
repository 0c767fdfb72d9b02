package org.dsmastery.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Entry point of the Kafka broker JVM: formats the KRaft storage on first start, exits
 * when its parent process dies, then runs {@code kafka.Kafka}.
 */
public final class KafkaBrokerProcess {

	private KafkaBrokerProcess() {
	}

	/**
	 * Runs the broker.
	 * @param args the parent's pid and the path of {@code server.properties}
	 * @throws Exception if the storage cannot be formatted
	 */
	public static void main(String[] args) throws Exception {
		long parentPid = Long.parseLong(args[0]);
		String config = args[1];
		ProcessHandle.of(parentPid)
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(Path.of(config))) {
			properties.load(reader);
		}
		Path data = Path.of(properties.getProperty("log.dirs"));
		if (!Files.exists(data.resolve("meta.properties"))) {
			int exit = StorageTool.execute(
					new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", config, "--ignore-formatted" },
					System.out);
			if (exit != 0) {
				throw new IllegalStateException("formatting Kafka storage failed with " + exit);
			}
		}
		Kafka.main(new String[] { config });
	}

}
