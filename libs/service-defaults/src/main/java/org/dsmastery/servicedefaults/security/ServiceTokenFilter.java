package org.dsmastery.servicedefaults.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The WebFlux twin of {@link ServiceTokenInterceptor}: a {@code WebClient} filter that
 * sends the service's own token, such as the gateway asking the rate-limiter for a
 * decision while it serves a shopper's request. The principal is the service, never the
 * caller being served, so one token serves every request.
 * <p>
 * The token is fetched apart from the requests that need it: a call with a short timeout
 * (the gateway gives a decision 250 ms) would otherwise cancel the token request each
 * time it took longer than that, and never get one. The fetch runs detached, shared by
 * every request that waits for it, and starts again {@value #REFRESH_BEFORE_MINUTES}
 * minutes before the token expires, while requests go on with the one they have.
 */
public final class ServiceTokenFilter implements ExchangeFilterFunction {

	static final int REFRESH_BEFORE_MINUTES = 5;

	private static final Duration REFRESH_BEFORE = Duration.ofMinutes(REFRESH_BEFORE_MINUTES);

	private static final Log logger = LogFactory.getLog(ServiceTokenFilter.class);

	private final ReactiveOAuth2AuthorizedClientManager clients;

	private final OAuth2AuthorizeRequest authorize;

	private final Clock clock;

	private final AtomicReference<@Nullable OAuth2AccessToken> token = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<OAuth2AccessToken>> fetching = new AtomicReference<>();

	ServiceTokenFilter(ReactiveOAuth2AuthorizedClientManager clients, String serviceName, Clock clock) {
		this.clients = clients;
		this.authorize = OAuth2AuthorizeRequest.withClientRegistrationId(ServiceTokens.REGISTRATION_ID)
			.principal(serviceName)
			.build();
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return token().flatMap((value) -> next.exchange(ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + value))
			.build()));
	}

	private Mono<String> token() {
		OAuth2AccessToken current = this.token.get();
		if (current != null && !expiresWithin(current, REFRESH_BEFORE)) {
			return Mono.just(current.getTokenValue());
		}
		Mono<OAuth2AccessToken> fetch = this.fetching.updateAndGet((running) -> (running != null) ? running : fetch());
		if (current != null && !expiresWithin(current, Duration.ofSeconds(30))) {
			return Mono.just(current.getTokenValue());
		}
		return fetch.map(OAuth2AccessToken::getTokenValue);
	}

	private Mono<OAuth2AccessToken> fetch() {
		Mono<OAuth2AccessToken> shared = this.clients.authorize(this.authorize)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no token for " + ServiceTokens.REGISTRATION_ID)))
			.map(OAuth2AuthorizedClient::getAccessToken)
			.doOnNext(this.token::set)
			.doFinally((signal) -> this.fetching.set(null))
			.cache();
		// detached: a waiting request that gives up does not cancel the fetch
		shared.subscribe((fetched) -> {
		}, (ex) -> logger.debug("No token for " + ServiceTokens.REGISTRATION_ID + " yet: " + ex.getMessage()));
		return shared;
	}

	private boolean expiresWithin(OAuth2AccessToken token, Duration margin) {
		return token.getExpiresAt() != null && token.getExpiresAt().isBefore(this.clock.instant().plus(margin));
	}

}
