package org.dsmastery.identity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the OAuth 2 protocol endpoints, and everything else (the login form,
 * the error page, the operations endpoints).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The protocol endpoints ({@code /oauth2/authorize}, {@code /oauth2/token},
	 * {@code /oauth2/jwks}, metadata, introspection, revocation). A shopper who is not
	 * logged in is sent from the authorization endpoint to the login form, and back after
	 * logging in.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, AuthorizationServerSettings settings)
			throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"),
					PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint())));
		return http.build();
	}

	/**
	 * The login form (Spring Security's own page, CSRF protected) and the operations
	 * endpoints Prometheus and the platform read on loopback.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain loginFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.anyRequest()
			.authenticated()).formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Hashes the client secrets and the shoppers' password ({@code {bcrypt}...}) and
	 * checks what a client or a shopper presents against them.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
