package org.dsmastery.servicedefaults.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The WebFlux twin of {@link ServiceTokenInterceptor}: a {@code WebClient} filter that
 * sends the service's own token, such as the gateway asking the rate-limiter for a
 * decision while it serves a shopper's request. The principal is the service, never the
 * caller being served, so one token (fetched once, used until it nearly expires) serves
 * every request.
 */
public final class ServiceTokenFilter implements ExchangeFilterFunction {

	private final ReactiveOAuth2AuthorizedClientManager clients;

	private final OAuth2AuthorizeRequest authorize;

	ServiceTokenFilter(ReactiveOAuth2AuthorizedClientManager clients, String serviceName) {
		this.clients = clients;
		this.authorize = OAuth2AuthorizeRequest.withClientRegistrationId(ServiceTokens.REGISTRATION_ID)
			.principal(serviceName)
			.build();
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.clients.authorize(this.authorize)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no token for " + ServiceTokens.REGISTRATION_ID)))
			.flatMap((client) -> next.exchange(ClientRequest.from(request)
				.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION,
						"Bearer " + client.getAccessToken().getTokenValue()))
				.build()));
	}

}
