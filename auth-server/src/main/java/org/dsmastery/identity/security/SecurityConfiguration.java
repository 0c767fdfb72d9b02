package org.dsmastery.identity.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the OAuth 2 protocol endpoints, and everything else (the login form,
 * the error page, the operations endpoints).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final OAuth2ErrorHttpMessageConverter OAUTH2_ERRORS = new OAuth2ErrorHttpMessageConverter();

	/**
	 * The protocol endpoints ({@code /oauth2/authorize}, {@code /oauth2/token},
	 * {@code /oauth2/jwks}, metadata, introspection, revocation). A shopper who is not
	 * logged in is sent from the authorization endpoint to the login form whatever the
	 * request's {@code Accept} (a command-line client sends none), and back after logging
	 * in.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, AuthorizationServerSettings settings)
			throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher clientEndpoints = new OrRequestMatcher(paths.matcher(settings.getTokenEndpoint()),
				paths.matcher(settings.getTokenIntrospectionEndpoint()),
				paths.matcher(settings.getTokenRevocationEndpoint()));
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						paths.matcher(settings.getAuthorizationEndpoint()))
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::invalidClient, clientEndpoints));
		return http.build();
	}

	/**
	 * The login form (Spring Security's own page, CSRF protected) and the operations
	 * endpoints Prometheus and the platform read on loopback. Anything else needs a
	 * login: a browser is sent to the form, any other client gets a 401 problem.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain loginFilterChain(HttpSecurity http) throws Exception {
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(Customizer.withDefaults())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers)
				// the error page answers it as the platform's problem
				.defaultAuthenticationEntryPointFor(
						(request, response, ex) -> response.sendError(HttpStatus.UNAUTHORIZED.value()),
						AnyRequestMatcher.INSTANCE));
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

	/**
	 * A token, introspection or revocation request whose client did not authenticate at
	 * all (no {@code Authorization} header; the shopper app without its
	 * {@code code_verifier}) is {@code invalid_client} in RFC 6749 JSON, as a wrong
	 * secret is, instead of Spring Authorization Server's empty 401.
	 */
	private static void invalidClient(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
		answer.setStatusCode(HttpStatus.UNAUTHORIZED);
		answer.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"auth-server\"");
		OAUTH2_ERRORS.write(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
						"no client authentication: HTTP Basic for a confidential client,"
								+ " client_id and code_verifier for a public one",
						null),
				MediaType.APPLICATION_JSON, answer);
	}

}
