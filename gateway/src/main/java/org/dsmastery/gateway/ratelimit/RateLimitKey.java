package org.dsmastery.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.dsmastery.servicedefaults.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whom a request counts against: who is calling, as the limits count it, from the bearer
 * token the gateway validated and never from a header the caller chose: a shopper by
 * their customer id, a client (an operator's or a service's client-credentials token) by
 * its client id, and a caller without a token by IP address, in the small anonymous
 * limits. The caller's tier is not here either: the rate-limiter's tier registry decides
 * it, so no request can claim one.
 *
 * @param keyKind {@code CUSTOMER}, {@code CLIENT} or {@code IP}
 * @param key the customer id, client id or address
 */
record RateLimitKey(String keyKind, String key) {

	/**
	 * The key of an exchange's caller, once Spring Security has authenticated it (or
	 * found no token where none is needed).
	 * @param exchange the exchange
	 * @return the key
	 */
	static Mono<RateLimitKey> of(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> of(Caller.of((JwtAuthenticationToken) principal)))
			.switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange.getRequest())));
	}

	static RateLimitKey of(Caller caller) {
		return (caller.customerId() != null) ? new RateLimitKey("CUSTOMER", caller.customerId())
				: new RateLimitKey("CLIENT", caller.subject());
	}

	static RateLimitKey anonymous(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String ip = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
		return new RateLimitKey("IP", ip);
	}

}
