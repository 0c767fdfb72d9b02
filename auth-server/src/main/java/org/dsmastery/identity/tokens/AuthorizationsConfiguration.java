package org.dsmastery.identity.tokens;

import org.dsmastery.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The authorization records, aged once per token lifetime.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationsConfiguration {

	@Bean
	ExpiringAuthorizations authorizationService() {
		return new ExpiringAuthorizations();
	}

	@Bean
	SchedulingConfigurer authorizationsAging(ExpiringAuthorizations authorizations, IdentityProperties properties) {
		return (registrar) -> registrar.addFixedRateTask(
				new FixedRateTask(authorizations::age, properties.accessTokenTtl(), properties.accessTokenTtl()));
	}

}
