package org.dsmastery.identity.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token signing keys: one current RSA 2048 key that signs, and the keys it replaced,
 * published (public part only) until every token they signed has expired.
 * <p>
 * As a {@link JWKSource} (what {@code /oauth2/jwks} and any local decoder read) it holds
 * public keys only: the current one and each retired one that is still younger than the
 * token lifetime plus {@link #CLOCK_SKEW}. A token signed just before a rotation expires
 * at most one lifetime after it, and resource servers accept it for up to a minute of
 * clock skew beyond that, so its key is published exactly as long as it can verify a live
 * token, however often the keys rotate. {@link #signing()} is the source the encoder
 * signs with: the current key alone, private part included; the encoder names it in the
 * token's {@code kid} header.
 * <p>
 * Keys are made in memory at start and never stored: a restart makes every outstanding
 * token unverifiable, which is acceptable for tokens that live half an hour.
 */
public class RotatingSigningKeys implements JWKSource<SecurityContext> {

	/** What resource servers allow by default ({@code JwtTimestampValidator}). */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(RotatingSigningKeys.class);

	private final Clock clock;

	private final Duration retention;

	private volatile Keys keys;

	/**
	 * Creates the keys with a fresh current key.
	 * @param clock the clock that dates retirements
	 * @param tokenLifetime how long the tokens signed with these keys live
	 */
	public RotatingSigningKeys(Clock clock, Duration tokenLifetime) {
		this.clock = clock;
		this.retention = tokenLifetime.plus(CLOCK_SKEW);
		this.keys = new Keys(generate(clock.instant()), List.of());
	}

	/**
	 * Makes a new key current; the current one stops signing and stays published for the
	 * token lifetime plus the clock skew; keys retired longer ago are dropped.
	 */
	public synchronized void rotate() {
		Instant now = this.clock.instant();
		Keys before = this.keys;
		List<Retired> retired = new ArrayList<>();
		retired.add(new Retired(before.current().toPublicJWK(), now));
		before.retired().stream().filter((key) -> key.publishedAt(now, this.retention)).forEach(retired::add);
		Keys after = new Keys(generate(now), List.copyOf(retired));
		this.keys = after;
		log.info("Rotated the token signing key: signing with {}, publishing {}", after.current().getKeyID(),
				published().getKeys().stream().map(JWK::getKeyID).toList());
	}

	/**
	 * Returns the public keys a token of this server can be verified with now.
	 * @return the current key and the retired keys still published, newest first
	 */
	public JWKSet published() {
		Instant now = this.clock.instant();
		Keys keys = this.keys;
		List<JWK> published = new ArrayList<>();
		published.add(keys.current().toPublicJWK());
		keys.retired()
			.stream()
			.filter((key) -> key.publishedAt(now, this.retention))
			.map(Retired::key)
			.forEach(published::add);
		return new JWKSet(published);
	}

	/**
	 * Returns the id of the key that signs now.
	 * @return its {@code kid}
	 */
	public String currentKeyId() {
		return this.keys.current().getKeyID();
	}

	/**
	 * Returns the source the token encoder signs with: the current key only.
	 * @return the source
	 */
	public JWKSource<SecurityContext> signing() {
		return (selector, context) -> selector.select(new JWKSet(this.keys.current()));
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(published());
	}

	private static RSAKey generate(Instant now) {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.issueTime(Date.from(now))
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not generate an RSA signing key", ex);
		}
	}

	private record Keys(RSAKey current, List<Retired> retired) {
	}

	private record Retired(RSAKey key, Instant retiredAt) {

		boolean publishedAt(Instant now, Duration retention) {
			return now.isBefore(this.retiredAt.plus(retention));
		}

	}

}
