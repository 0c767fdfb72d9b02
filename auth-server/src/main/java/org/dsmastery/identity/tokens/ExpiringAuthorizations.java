package org.dsmastery.identity.tokens;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The server's record of the authorizations it granted (codes in flight, the tokens
 * issued), in memory, forgotten one to two token lifetimes after they were last saved.
 * <p>
 * Spring's {@link InMemoryOAuth2AuthorizationService} keeps every completed authorization
 * until the process ends, so a server that issues a token per service call grows without
 * bound. Here the records live in two generations: {@link #age()}, called once per token
 * lifetime, drops the older generation and starts a new one. An authorization is saved
 * into the current generation, so it is kept at least one token lifetime: longer than the
 * tokens it records (no refresh tokens are issued) and than an authorization code (five
 * minutes).
 */
public class ExpiringAuthorizations implements OAuth2AuthorizationService {

	private volatile Generations generations = new Generations(new InMemoryOAuth2AuthorizationService(),
			new InMemoryOAuth2AuthorizationService());

	/**
	 * Starts a new generation and forgets the oldest one.
	 */
	public void age() {
		this.generations = new Generations(new InMemoryOAuth2AuthorizationService(), this.generations.current());
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Generations generations = this.generations;
		generations.current().save(authorization);
		generations.previous().remove(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Generations generations = this.generations;
		generations.current().remove(authorization);
		generations.previous().remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		Generations generations = this.generations;
		OAuth2Authorization found = generations.current().findById(id);
		return (found != null) ? found : generations.previous().findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		Generations generations = this.generations;
		OAuth2Authorization found = generations.current().findByToken(token, tokenType);
		return (found != null) ? found : generations.previous().findByToken(token, tokenType);
	}

	private record Generations(InMemoryOAuth2AuthorizationService current,
			InMemoryOAuth2AuthorizationService previous) {
	}

}
