package org.dsmastery.gateway.security;

import org.dsmastery.servicedefaults.security.ReactiveAccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What the edge lets through without a token: the catalogue (a shop window is public; the
 * anonymous caller is limited by IP) and the circuit breakers' fallbacks, which answer a
 * 503 problem and nothing else. Everything else needs a valid token here, and again at
 * the service, which decides what the caller may touch.
 */
@Configuration(proxyBeanMethods = false)
class GatewayAccess {

	@Bean
	ReactiveAccessRules edgeAccessRules() {
		return (exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
			.permitAll()
			.pathMatchers("/fallback/**")
			.permitAll();
	}

}
