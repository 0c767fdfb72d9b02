package org.dsmastery.servicedefaults.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A servlet service's own URL rules, a bean the platform's resource-server chain applies
 * between the house rules and the final "authenticated"
 * ({@link ServletSecurityAutoConfiguration}):
 *
 * <pre class="code">
 * &#64;Bean
 * AccessRules catalogueIsPublic() {
 *     return (requests) -&gt; requests.requestMatchers(HttpMethod.GET, "/api/products/**").permitAll();
 * }
 * </pre>
 */
@FunctionalInterface
public interface AccessRules {

	/**
	 * Adds the service's rules.
	 * @param requests the chain's request rules, house rules already in
	 */
	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
