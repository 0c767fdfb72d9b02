package org.dsmastery.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's scripts pass ShellCheck. {@code .ci/run} installs it; a machine
 * without it fails here rather than skipping the check.
 */
class PlatformScriptTests {

	private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

	@Test
	void theScriptsPassShellCheck() throws Exception {
		Process shellcheck = new ProcessBuilder(List.of("shellcheck", "platform", ".ci/run", "perf/tracing-overhead"))
			.directory(this.root.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(shellcheck.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(shellcheck.exitValue()).as(output).isZero();
	}

}
