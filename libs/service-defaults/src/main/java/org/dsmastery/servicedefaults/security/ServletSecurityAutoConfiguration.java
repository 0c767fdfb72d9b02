package org.dsmastery.servicedefaults.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.dsmastery.servicedefaults.web.ProblemTraces;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every servlet service an OAuth2 resource server: each request carries a JWT from
 * the platform's auth-server, checked here for its signature (the auth-server's JWKS,
 * cached), issuer, audience ({@value ShopScopes#AUDIENCE}) and lifetime (60 s of clock
 * skew), whatever the gateway checked before. The house rules, in order:
 * <ol>
 * <li>{@code /actuator/health}, {@code /actuator/info} and {@code /actuator/prometheus}
 * are open (probes and scrapes carry no token); every other actuator endpoint needs
 * {@value ShopScopes#ADMIN};</li>
 * <li>{@code /api/admin/**} needs {@value ShopScopes#ADMIN}; {@code /api/audit/**}
 * {@value ShopScopes#ADMIN} or {@value ShopScopes#INTERNAL};</li>
 * <li>the service's own {@link AccessRules} beans;</li>
 * <li>anything else needs a valid token of any scope; who may touch which customer's
 * objects the controllers decide with {@link Caller}.</li>
 * </ol>
 * No sessions, no cookies, so no CSRF tokens; a refusal is the platform's problem
 * ({@link SecurityProblems}). A service that declares its own {@link SecurityFilterChain}
 * (the auth-server) replaces all of this.
 */
// before every auto-configuration that would add a default chain of its own
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, WebMvcConfigurer.class })
public class ServletSecurityAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ServletSecurityAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
			ObjectProvider<Tracer> tracer) {
		ProblemWriter problems = new ProblemWriter(tracer);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				requests.requestMatchers("/error").permitAll();
				requests
					.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
							"/actuator/prometheus")
					.permitAll();
				requests.requestMatchers("/actuator/**").hasAuthority(ShopScopes.ADMIN_AUTHORITY);
				requests.requestMatchers("/api/admin/**").hasAuthority(ShopScopes.ADMIN_AUTHORITY);
				requests.requestMatchers("/api/audit/**")
					.hasAnyAuthority(ShopScopes.ADMIN_AUTHORITY, ShopScopes.INTERNAL_AUTHORITY);
				serviceRules.orderedStream().forEach((rules) -> rules.apply(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			}).authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden));
		return http.build();
	}

	@Bean
	static ValidatedTokens.Wrapper validatedTokens() {
		return new ValidatedTokens.Wrapper();
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}

		};
	}

	/**
	 * Resolves a {@link Caller} parameter of a controller method from the request's
	 * authentication.
	 */
	static final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Caller.class;
		}

		@Override
		public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			return Caller.of(SecurityContextHolder.getContext().getAuthentication());
		}

	}

	private record ProblemWriter(ObjectProvider<Tracer> tracer) {

		void unauthorized(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException ex) throws IOException {
			logger.debug("Refused " + request.getMethod() + " " + request.getRequestURI() + ": " + ex.getMessage());
			response.setHeader(SecurityProblems.CHALLENGE_HEADER, SecurityProblems.unauthorizedChallenge(ex));
			write(request, response, 401);
		}

		void forbidden(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.access.AccessDeniedException ex) throws IOException {
			response.setHeader(SecurityProblems.CHALLENGE_HEADER, SecurityProblems.forbiddenChallenge());
			write(request, response, 403);
		}

		private void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
			byte[] body = SecurityProblems
				.body(status, request.getMethod(), request.getRequestURI(),
						ProblemTraces.traceId(this.tracer.getIfAvailable()))
				.getBytes(StandardCharsets.UTF_8);
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

}
