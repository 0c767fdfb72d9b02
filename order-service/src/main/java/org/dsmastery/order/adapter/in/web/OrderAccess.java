package org.dsmastery.order.adapter.in.web;

import org.dsmastery.servicedefaults.security.AccessRules;
import org.dsmastery.servicedefaults.security.ShopScopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the order API, beyond the house rules (admin and audit APIs): a shopper or
 * an operator places orders, only an operator reads the sales figures; reading and
 * cancelling an order is for its customer, which {@link OrderController} decides per
 * order.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccess {

	@Bean
	AccessRules orderAccessRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/api/orders/sales-by-sku")
			.hasAuthority(ShopScopes.ADMIN_AUTHORITY)
			.requestMatchers(HttpMethod.POST, "/api/orders")
			.hasAnyAuthority(ShopScopes.SHOP_AUTHORITY, ShopScopes.ADMIN_AUTHORITY);
	}

}
