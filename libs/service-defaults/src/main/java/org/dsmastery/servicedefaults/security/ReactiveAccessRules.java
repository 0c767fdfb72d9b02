package org.dsmastery.servicedefaults.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A WebFlux service's own URL rules, as {@link AccessRules} are for servlet services
 * ({@link ReactiveSecurityAutoConfiguration}).
 */
@FunctionalInterface
public interface ReactiveAccessRules {

	/**
	 * Adds the service's rules.
	 * @param exchanges the chain's exchange rules, house rules already in
	 */
	void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);

}
