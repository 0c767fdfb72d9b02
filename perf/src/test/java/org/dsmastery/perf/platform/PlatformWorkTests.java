package org.dsmastery.perf.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PlatformWork}'s arithmetic and its reading of {@code /proc}.
 */
class PlatformWorkTests {

	@Test
	void readsAStatLineWhoseCommandHoldsSpacesAndParentheses() {
		// fields: pid (comm) state ppid pgrp session tty tpgid flags, four fault
		// counters, then utime stime cutime cstime
		PlatformWork.ProcStat stat = PlatformWork.ProcStat
			.parse("4242 (kafka-producer (x) y) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 42 0");

		assertThat(stat.pid()).isEqualTo(4242);
		assertThat(stat.ppid()).isEqualTo(17);
		assertThat(stat.command()).isEqualTo("kafka-producer (x) y");
		assertThat(stat.ticks()).isEqualTo(250 + 50 + 7 + 3);
	}

	@Test
	void aRunsWorkIsItsCountersLessTheIdlePlatformsOverAsLongPerUnit() {
		PlatformWork.Work idle = new PlatformWork.Work(10, Map.of("order-service", 100.0), Map.of("orders", 20.0), 10,
				0, 5);
		PlatformWork.Work run = new PlatformWork.Work(2, Map.of("order-service", 420.0), Map.of("orders", 50.0), 4, 9,
				21);

		PlatformWork.Work perOrder = run.minus(idle).per(10);

		assertThat(perOrder.cpuMillis().get("order-service")).isCloseTo((420 - 2 * 10.0) / 10, within(1e-9));
		assertThat(perOrder.commits().get("orders")).isCloseTo((50 - 4 * 2.0) / 10, within(1e-9));
		assertThat(perOrder.records()).isCloseTo(0.9, within(1e-9));
		assertThat(perOrder.offsetCommits()).isCloseTo((21 - 2 * 0.5) / 10, within(1e-9));
	}

	@Test
	void theCommitsAreTakenFromTheLaterSampleAndTheMedianRoundByCpu() {
		PlatformWork.Work done = new PlatformWork.Work(2, Map.of("gateway", 10.0), Map.of(), 2, 9, 1);
		PlatformWork.Work settled = new PlatformWork.Work(13, Map.of("gateway", 30.0),
				Map.of("orders", 7.0, PlatformWork.WRITES, 5.0), 13, 9, 1);

		PlatformWork.Work work = done.withCommits(settled);

		assertThat(work.cpuMillis()).containsEntry("gateway", 10.0);
		assertThat(work.commitSeconds()).isEqualTo(13);
		assertThat(work.totalCommits()).isEqualTo(7.0);
		assertThat(PlatformWork.Work.median(List.of(cpu(300), cpu(100), cpu(200))).totalCpuMillis()).isEqualTo(200);
	}

	private static PlatformWork.Work cpu(double millis) {
		return new PlatformWork.Work(1, Map.of("gateway", millis), Map.of(), 1, 0, 0);
	}

}
