package org.dsmastery.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;

/**
 * Drives {@code ./platform} as a user would, with the platform's state under
 * {@code target/platform} so that tests never touch the developer's {@code .platform}.
 */
final class Platform {

	/**
	 * The platform the tests start: the manifest's ports moved by
	 * {@code platform.port-offset} (10000 in this module's build), so that the tests run
	 * beside a platform the developer runs, on ports and state of their own.
	 */
	static final Topology TOPOLOGY = Topology.local();

	/** The state folder of the platform the tests start. */
	static final Path STATE = Path.of(System.getProperty("platform.state", "target/platform")).toAbsolutePath();

	/**
	 * Tokens from that platform's auth-server, with the secrets its first {@code up}
	 * generated.
	 */
	static final PlatformTokens TOKENS = new PlatformTokens(TOPOLOGY, STATE);

	private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

	private final Path state;

	private final Map<String, String> environment;

	Platform() {
		this(STATE, Map.of());
	}

	private Platform(Path state, Map<String, String> environment) {
		this.state = state.toAbsolutePath();
		this.environment = Map.copyOf(environment);
	}

	/**
	 * Returns a platform with its own state directory whose processes see the given
	 * environment, such as a setting that makes one service fail at start-up.
	 * @param name the state directory's name next to this platform's
	 * @param environment what every process started by {@code ./platform} sees
	 * @return the platform
	 */
	Platform withState(String name, Map<String, String> environment) {
		return new Platform(this.state.resolveSibling(name), environment);
	}

	Result run(String command, long timeoutMinutes, String... arguments) {
		try {
			Files.createDirectories(this.state);
			Path output = Files.createTempFile(this.state, command, ".out");
			List<String> line = new ArrayList<>(List.of(this.root.resolve("platform").toString(), command));
			line.addAll(List.of(arguments));
			ProcessBuilder builder = new ProcessBuilder(line).directory(this.root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("PLATFORM_STATE", this.state.toString());
			builder.environment().put(Topology.PORT_OFFSET, String.valueOf(TOPOLOGY.portOffset()));
			// one AOT cache for every platform of the run, trained once (the failing
			// start included)
			builder.environment().put("PLATFORM_AOT_DIR", System.getProperty("platform.aot", "target/aot"));
			// the reactor has just packaged every service; e2e tests run what was built
			builder.environment().put("PLATFORM_SKIP_BUILD", "1");
			// the backing servers demand credentials and every service logs in with its
			// own (the secure-backing profile): the open mode is what every module's
			// tests
			// run against, so the end-to-end run proves the other one
			builder.environment().put("PLATFORM_BACKING", System.getProperty("platform.backing", "secure"));
			builder.environment().putAll(this.environment);
			Process process = builder.start();
			if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("./platform " + command + " did not finish within " + timeoutMinutes
						+ " minutes:\n" + Files.readString(output, StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Path state() {
		return this.state;
	}

	/**
	 * Returns the process of a service instance, from the pid file {@code ./platform up}
	 * wrote.
	 * @param instance the instance's id, such as {@code payment-service-8082}
	 * @return the process
	 */
	ProcessHandle process(String instance) {
		try {
			long pid = Long.parseLong(Files.readString(this.state.resolve("run/" + instance + ".pid")).strip());
			return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(instance + " is not running"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Result(int exitCode, String output) {
	}

}
