package org.dsmastery.ratelimit;

import org.dsmastery.servicedefaults.security.ReactiveAccessRules;
import org.dsmastery.servicedefaults.security.ShopScopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decisions are asked by the gateway, with its client-credentials token
 * ({@value ShopScopes#INTERNAL}), or by an operator finding out why a caller was refused;
 * rules and tiers are changed and read by operators ({@value ShopScopes#ADMIN}). Nothing
 * here is for shoppers: a caller that could ask for decisions could drain another's
 * bucket, and one that could read the rules could plan around them.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterAccess {

	@Bean
	ReactiveAccessRules rateLimiterAccessRules() {
		return (exchanges) -> exchanges.pathMatchers("/api/rate-limits/decisions", "/api/rate-limits/decisions/**")
			.hasAnyAuthority(ShopScopes.INTERNAL_AUTHORITY, ShopScopes.ADMIN_AUTHORITY)
			.pathMatchers("/api/rate-limits/**")
			.hasAuthority(ShopScopes.ADMIN_AUTHORITY);
	}

}
