package org.dsmastery.perf.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dsmastery.topology.Instance;
import org.dsmastery.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReadinessTests {

	/** Ports nothing listens on, even beside a running platform. */
	private final Topology topology = Topology.read(30000);

	@TempDir
	Path state;

	@Test
	void anInstanceWhoseProcessExitedIsNamedAtOnce() throws Exception {
		Instance payment = this.topology.instance("payment-service");
		Process exited = new ProcessBuilder("true").start();
		exited.waitFor();
		Files.createDirectories(this.state.resolve("run"));
		Files.writeString(this.state.resolve("run/" + payment.id() + ".pid"), exited.pid() + "\n");

		assertThat(new Readiness(this.topology, this.state).awaitHealthy(List.of(payment.id())))
			.contains("payment-service " + payment.port() + " exited while starting");
	}

	@Test
	void anInstanceWithoutAPidFileCountsAsExited() {
		Instance gateway = this.topology.gateway();

		assertThat(new Readiness(this.topology, this.state).awaitHealthy(List.of(gateway.id())))
			.contains("gateway " + gateway.port() + " exited while starting");
	}

	@Test
	void anInstanceNotInTheTopologyIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Readiness(this.topology, this.state).awaitHealthy(List.of("billing-service-8087")))
			.withMessageContaining("billing-service-8087");
	}

}
