package org.dsmastery.observability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}) with a bounded wait. A
 * missing promtool fails the test that needs it: CI installs it, and a silent skip would
 * hide unchecked rules.
 */
final class Promtool {

	private static final long TIMEOUT_SECONDS = 60;

	private Promtool() {
	}

	record Result(int exitCode, String output) {

	}

	static Path executable() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return fail("promtool is not on the PATH: these tests run the real tool. Install it with "
				+ "`apt-get install -y --no-install-recommends prometheus` (Debian; .ci/run does it)");
	}

	static Result run(Path workingDirectory, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(executable().toString());
		command.addAll(List.of(arguments));
		try {
			// output to a file, not a pipe: reading a pipe would wait as long as a hung
			// promtool
			Path output = Files.createTempFile("promtool", ".out");
			try {
				Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
					.start();
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					return fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
				}
				return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			return fail("cannot run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted while running " + String.join(" ", command), ex);
		}
	}

	static void assertSucceeds(Path workingDirectory, String... arguments) {
		Result result = run(workingDirectory, arguments);
		if (result.exitCode() != 0) {
			fail("promtool " + String.join(" ", arguments) + " exited " + result.exitCode() + ":\n" + result.output());
		}
	}

}
