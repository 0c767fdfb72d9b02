package org.dsmastery.identity.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class RotatingSigningKeysTests {

	private static final Duration TTL = Duration.ofMinutes(30);

	private final MovingClock clock = new MovingClock();

	private final RotatingSigningKeys keys = new RotatingSigningKeys(this.clock, TTL);

	@Test
	void signsWithTheCurrentKeyAndNamesItInTheHeader() {
		String first = this.keys.currentKeyId();
		assertThat(sign().getHeaders()).containsEntry("kid", first).containsEntry("alg", SignatureAlgorithm.RS256);

		this.keys.rotate();

		assertThat(this.keys.currentKeyId()).isNotEqualTo(first);
		assertThat(sign().getHeaders()).containsEntry("kid", this.keys.currentKeyId());
	}

	@Test
	void publishesARetiredKeyForTheTokenLifetimeAndAMinuteOfClockSkew() {
		String retired = this.keys.currentKeyId();
		this.keys.rotate();
		String current = this.keys.currentKeyId();

		assertThat(published()).containsExactly(current, retired);
		this.clock.advance(TTL.plus(RotatingSigningKeys.CLOCK_SKEW).minusMillis(1));
		assertThat(published()).containsExactly(current, retired);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(published()).containsExactly(current);
	}

	@Test
	void keepsEveryKeyThatCanVerifyALiveTokenWhenRotatingFasterThanTheLifetime() {
		List<String> retired = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			retired.add(0, this.keys.currentKeyId());
			this.keys.rotate();
			this.clock.advance(Duration.ofMinutes(10));
		}
		// retired 10, 20, 30, 40, 50 and 60 minutes ago: those of the last 31 minutes
		// stay
		assertThat(published()).containsExactly(this.keys.currentKeyId(), retired.get(0), retired.get(1),
				retired.get(2));
	}

	@Test
	void publishesPublicKeysOnly() {
		this.keys.rotate();

		assertThat(this.keys.published().getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
		assertThat(this.keys.published().getKeys())
			.allSatisfy((key) -> assertThat(key.getAlgorithm().getName()).isEqualTo("RS256"));
	}

	private List<String> published() {
		return this.keys.published().getKeys().stream().map(JWK::getKeyID).toList();
	}

	private Jwt sign() {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder().subject("probe").issuedAt(now).expiresAt(now.plus(TTL)).build();
		return new NimbusJwtEncoder(this.keys.signing())
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
	}

	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
