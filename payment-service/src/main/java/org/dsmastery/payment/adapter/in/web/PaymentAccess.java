package org.dsmastery.payment.adapter.in.web;

import org.dsmastery.servicedefaults.security.AccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the payment service beyond the house rules (admin and audit APIs):
 * accounts and payments are for their customer, which {@link AccountController} decides
 * per object. The simulated payment provider under {@code /simulator} stands for a third
 * party this service calls over HTTP; it is open, as the provider's own API would be to
 * this service, and the gateway routes nothing to it (docs/security.md lists it).
 */
@Configuration(proxyBeanMethods = false)
class PaymentAccess {

	@Bean
	AccessRules simulatedProviderIsOpen() {
		return (requests) -> requests.requestMatchers("/simulator/**").permitAll();
	}

}
