package org.dsmastery.perf.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTests {

	@TempDir
	Path state;

	@Test
	void anUnknownSuiteIsNamedWithTheKnownOnes() throws Exception {
		assertThat(bench().run("sagas", List.of())).isEqualTo("unknown benchmark suite 'sagas' (generator, outbox, "
				+ "ratelimit, ratelimit-sweep, consumer-recovery, footprint, api, orders, edge, saga, saga-breakdown, all)");
	}

	@Test
	void everySuiteIsListed() {
		assertThat(Bench.SUITES.keySet()).containsExactlyInAnyOrder("generator", "outbox", "ratelimit",
				"ratelimit-sweep", "consumer-recovery", "footprint", "api", "orders", "edge", "saga", "saga-breakdown",
				"all");
	}

	@Test
	void roundsTakeANumber() throws Exception {
		assertThat(bench().run("ratelimit", List.of("--rounds", "x")))
			.isEqualTo("--rounds takes a number of rounds, such as --rounds 3");
		assertThat(bench().run("ratelimit", List.of("--rounds"))).startsWith("--rounds takes a number");
	}

	@Test
	void suitesWithRoundsOfTheirOwnRefuseRounds() throws Exception {
		assertThat(bench().run("saga", List.of("--rounds", "3"))).startsWith("the saga benchmark interleaves");
		assertThat(bench().run("ratelimit-sweep", List.of("--rounds", "3"))).startsWith("the sweep runs once");
	}

	private Bench bench() {
		return new Bench(Path.of(".."), this.state);
	}

}
