package org.dsmastery.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Entry point of the Kafka broker JVM: formats the KRaft storage on first start, exits
 * when its parent process dies, then runs {@code kafka.Kafka}. When its environment holds
 * a SCRAM password ({@link KafkaBroker#SCRAM_PASSWORD_VARIABLE}, secure mode), the
 * storage is formatted with the SCRAM-SHA-512 credential of
 * {@value BackingCredentials#USER}, so the first start needs no further step.
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
			List<String> format = new ArrayList<>(
					List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config, "--ignore-formatted"));
			String scramPassword = System.getenv(KafkaBroker.SCRAM_PASSWORD_VARIABLE);
			if (scramPassword != null) {
				format.addAll(List.of("--add-scram",
						"SCRAM-SHA-512=[name=" + BackingCredentials.USER + ",password=" + scramPassword + "]"));
			}
			int exit = StorageTool.execute(format.toArray(String[]::new), System.out);
			if (exit != 0) {
				throw new IllegalStateException("formatting Kafka storage failed with " + exit);
			}
		}
		Kafka.main(new String[] { config });
	}

}
