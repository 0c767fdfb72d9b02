package org.dsmastery.servicedefaults;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ClockAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

	@Test
	void tellsUtcTimeInWholeMilliseconds() {
		this.contexts.run((context) -> {
			Clock clock = context.getBean(Clock.class);

			assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
			assertThat(clock.instant().getNano() % 1_000_000).isZero();
		});
	}

	@Test
	void givesWayToTheClockOfTheServiceOrTest() {
		Clock fixed = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

		this.contexts.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
	}

}
