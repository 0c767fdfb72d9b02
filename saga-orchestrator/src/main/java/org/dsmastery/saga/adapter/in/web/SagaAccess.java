package org.dsmastery.saga.adapter.in.web;

import org.dsmastery.servicedefaults.security.AccessRules;
import org.dsmastery.servicedefaults.security.ShopScopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sagas are the platform's inner workings: an operator or a service may read them, a
 * shopper may not (a shopper follows an order through the order API).
 */
@Configuration(proxyBeanMethods = false)
class SagaAccess {

	@Bean
	AccessRules sagasAreForOperators() {
		return (requests) -> requests.requestMatchers("/api/sagas", "/api/sagas/**")
			.hasAnyAuthority(ShopScopes.ADMIN_AUTHORITY, ShopScopes.INTERNAL_AUTHORITY);
	}

}
