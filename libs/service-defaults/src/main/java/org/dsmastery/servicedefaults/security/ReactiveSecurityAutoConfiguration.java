package org.dsmastery.servicedefaults.security;

import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.dsmastery.servicedefaults.web.ProblemTraces;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes every WebFlux service (the gateway, the rate-limiter) an OAuth2 resource server
 * with the same house rules as {@link ServletSecurityAutoConfiguration}, and the
 * service's own {@link ReactiveAccessRules} beans between them and the final
 * "authenticated".
 */
// before every auto-configuration that would add a default chain of its own
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(SecurityWebFilterChain.class)
public class ReactiveSecurityAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ReactiveSecurityAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain resourceServerFilterChain(ServerHttpSecurity http,
			ObjectProvider<ReactiveAccessRules> serviceRules) {
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange((exchanges) -> {
				exchanges
					.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
					.permitAll();
				exchanges.pathMatchers("/actuator/**").hasAuthority(ShopScopes.ADMIN_AUTHORITY);
				exchanges.pathMatchers("/api/admin/**").hasAuthority(ShopScopes.ADMIN_AUTHORITY);
				exchanges.pathMatchers("/api/audit/**")
					.hasAnyAuthority(ShopScopes.ADMIN_AUTHORITY, ShopScopes.INTERNAL_AUTHORITY);
				serviceRules.orderedStream().forEach((rules) -> rules.apply(exchanges));
				exchanges.anyExchange().authenticated();
			})
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			})
				.authenticationEntryPoint(ReactiveSecurityAutoConfiguration::unauthorized)
				.accessDeniedHandler(ReactiveSecurityAutoConfiguration::forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(ReactiveSecurityAutoConfiguration::unauthorized)
						.accessDeniedHandler(ReactiveSecurityAutoConfiguration::forbidden));
		return http.build();
	}

	@Bean
	static ValidatedTokens.Wrapper validatedTokens() {
		return new ValidatedTokens.Wrapper();
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
		logger.debug("Refused " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + ": "
				+ ex.getMessage());
		exchange.getResponse()
			.getHeaders()
			.set(SecurityProblems.CHALLENGE_HEADER, SecurityProblems.unauthorizedChallenge(ex));
		return write(exchange, HttpStatus.UNAUTHORIZED);
	}

	private static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException ex) {
		exchange.getResponse()
			.getHeaders()
			.set(SecurityProblems.CHALLENGE_HEADER, SecurityProblems.forbiddenChallenge());
		return write(exchange, HttpStatus.FORBIDDEN);
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = SecurityProblems.body(status.value(), exchange.getRequest().getMethod().name(),
				exchange.getRequest().getPath().value(), ProblemTraces.traceId(exchange));
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
