package org.dsmastery.inventory.adapter.in.web;

import org.dsmastery.servicedefaults.security.AccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the inventory API, beyond the house rules (admin and audit APIs): the
 * catalogue and its prices are public, to shoppers without a token too, as a shop window
 * is.
 */
@Configuration(proxyBeanMethods = false)
class InventoryAccess {

	@Bean
	AccessRules catalogueIsPublic() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**").permitAll();
	}

}
