package org.dsmastery.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code ./platform} as a user would, with the platform's state under
 * {@code target/platform} so that tests never touch the developer's {@code .platform}.
 */
final class Platform {

	private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

	private final Path state = Path.of(System.getProperty("platform.state", "target/platform")).toAbsolutePath();

	Result run(String command, long timeoutMinutes) {
		try {
			Files.createDirectories(this.state);
			Path output = Files.createTempFile(this.state, command, ".out");
			ProcessBuilder builder = new ProcessBuilder(List.of(this.root.resolve("platform").toString(), command))
				.directory(this.root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("PLATFORM_STATE", this.state.toString());
			// the reactor has just packaged every service; e2e tests run what was built
			builder.environment().put("PLATFORM_SKIP_BUILD", "1");
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

	record Result(int exitCode, String output) {
	}

}
