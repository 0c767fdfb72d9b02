package org.dsmastery.discovery;

import org.dsmastery.servicedefaults.security.AccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Eureka's own protocol and dashboard stay open: Eureka clients register and fetch
 * without a token, and this registry listens on loopback only. That is a known gap, not a
 * choice to copy: any process on the machine could register an instance under a service's
 * name and receive its traffic. docs/security.md names it and the fixes (mutual TLS or
 * Eureka's basic authentication; on Kubernetes, network policies).
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryAccess {

	@Bean
	AccessRules eurekaIsOpenOnLoopback() {
		return (requests) -> requests.requestMatchers("/", "/eureka/**", "/lastn").permitAll();
	}

}
