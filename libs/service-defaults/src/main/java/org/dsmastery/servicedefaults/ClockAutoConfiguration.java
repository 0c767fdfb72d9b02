package org.dsmastery.servicedefaults;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Clock} every service reads time from: UTC, ticking in whole milliseconds,
 * which is what PostgreSQL, the contracts and JavaScript clients all keep. A service or a
 * test that needs another clock declares its own.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

}
