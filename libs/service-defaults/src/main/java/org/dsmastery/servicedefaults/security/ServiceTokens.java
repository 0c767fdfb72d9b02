package org.dsmastery.servicedefaults.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Service-to-service tokens, for a service that calls another on its own account: with
 * {@code spring-boot-starter-security-oauth2-client} on its class path and the
 * {@value #REGISTRATION_ID} client registered (client credentials against the
 * auth-server, its secret from the state folder's config tree), the service gets a
 * {@link ServiceTokenInterceptor} (servlet) or a {@link ServiceTokenFilter} (WebFlux) to
 * put on the clients that need it.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration" })
public class ServiceTokens {

	/** The client registration of service-to-service calls. */
	public static final String REGISTRATION_ID = "shop-services";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OAuth2ClientHttpRequestInterceptor.class)
	@ConditionalOnBean(ClientRegistrationRepository.class)
	static class Servlet {

		@Bean
		ServiceTokenInterceptor serviceTokenInterceptor(ClientRegistrationRepository registrations,
				OAuth2AuthorizedClientService authorizedClients,
				@Value("${spring.application.name:service}") String name) {
			ServiceTokenSecret.require(registrations.findByRegistrationId(REGISTRATION_ID));
			return new ServiceTokenInterceptor(
					new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients), name);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ WebClient.class, ReactiveClientRegistrationRepository.class })
	@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
	static class Reactive {

		@Bean
		ServiceTokenFilter serviceTokenFilter(ReactiveClientRegistrationRepository registrations,
				ReactiveOAuth2AuthorizedClientService authorizedClients,
				@Value("${spring.application.name:service}") String name) {
			ServiceTokenSecret.require(registrations.findByRegistrationId(REGISTRATION_ID).block());
			AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager clients = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
					registrations, authorizedClients);
			// a token that expires within the filter's refresh margin is fetched anew
			ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
			provider.setClockSkew(Duration.ofMinutes(ServiceTokenFilter.REFRESH_BEFORE_MINUTES));
			clients.setAuthorizedClientProvider(provider);
			return new ServiceTokenFilter(clients, name, Clock.systemUTC());
		}

	}

}
