package org.dsmastery.servicedefaults.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers the tokens a service has already validated, so that a client's token is
 * checked once, not on every request it makes in its 30 minutes: decoding and verifying
 * an RS256 JWT (parse, signature, issuer, audience, claims) cost the platform about a
 * third of its throughput on a cheap route, at the gateway and again at the service
 * (docs/performance.md). The key is the whole token, signature included, so only the very
 * bytes that passed pass again; its lifetime is checked again on every use, so an expired
 * token is refused as it would be without the cache. What a cache gives up: a signing key
 * withdrawn from the JWKS before its tokens expire is not noticed for those already seen;
 * the auth-server never does that (a retired key stays published for a token lifetime).
 * <p>
 * Bounded: at {@value #CAPACITY} tokens the memory is forgotten and filled again.
 */
final class ValidatedTokens {

	static final int CAPACITY = 10_000;

	private final Map<String, Jwt> validated = new ConcurrentHashMap<>();

	private final Clock clock;

	ValidatedTokens(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A token validated before and still within its lifetime.
	 * @param token the token as the client sent it
	 * @return the validated token, or {@code null}
	 */
	@Nullable Jwt get(String token) {
		Jwt jwt = this.validated.get(token);
		if (jwt == null) {
			return null;
		}
		Instant now = this.clock.instant();
		boolean current = (jwt.getExpiresAt() == null || now.isBefore(jwt.getExpiresAt()))
				&& (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
		if (!current) {
			this.validated.remove(token);
			return null;
		}
		return jwt;
	}

	Jwt remember(String token, Jwt jwt) {
		if (this.validated.size() >= CAPACITY) {
			this.validated.clear();
		}
		this.validated.put(token, jwt);
		return jwt;
	}

	/**
	 * Wraps the service's token decoder (servlet or WebFlux) in the memory.
	 */
	static final class Wrapper implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof JwtDecoder decoder && !(bean instanceof Remembering)) {
				return new Remembering(decoder, new ValidatedTokens(Clock.systemUTC()));
			}
			if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof ReactiveRemembering)) {
				return new ReactiveRemembering(decoder, new ValidatedTokens(Clock.systemUTC()));
			}
			return bean;
		}

	}

	record Remembering(JwtDecoder decoder, ValidatedTokens tokens) implements JwtDecoder {

		@Override
		public Jwt decode(String token) {
			Jwt known = this.tokens.get(token);
			return (known != null) ? known : this.tokens.remember(token, this.decoder.decode(token));
		}

	}

	record ReactiveRemembering(ReactiveJwtDecoder decoder, ValidatedTokens tokens) implements ReactiveJwtDecoder {

		@Override
		public Mono<Jwt> decode(String token) {
			Jwt known = this.tokens.get(token);
			return (known != null) ? Mono.just(known)
					: this.decoder.decode(token).map((jwt) -> this.tokens.remember(token, jwt));
		}

	}

}
