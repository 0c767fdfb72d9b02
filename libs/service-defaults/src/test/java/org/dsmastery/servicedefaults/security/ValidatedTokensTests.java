package org.dsmastery.servicedefaults.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The memory of validated tokens: a token is checked once while it lives, a token that
 * failed is never remembered, and one past its lifetime is checked again (and refused by
 * the decoder's own validators).
 */
class ValidatedTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

	private final AtomicInteger decoded = new AtomicInteger();

	@Test
	void checksATokenOnceWhileItLives() {
		JwtDecoder decoder = remembering(Clock.fixed(NOW, ZoneOffset.UTC));

		Jwt first = decoder.decode("good");
		Jwt second = decoder.decode("good");

		assertThat(second).isSameAs(first);
		assertThat(this.decoded).hasValue(1);
	}

	@Test
	void checksATokenAgainOnceItHasExpired() {
		MovableClock clock = new MovableClock(NOW);
		JwtDecoder decoder = remembering(clock);
		decoder.decode("good");

		clock.now = NOW.plus(Duration.ofMinutes(31));
		decoder.decode("good");

		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void neverRemembersATokenThatFailed() {
		JwtDecoder decoder = remembering(Clock.fixed(NOW, ZoneOffset.UTC));

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged"));
		}
		assertThat(this.decoded).hasValue(2);
	}

	private JwtDecoder remembering(Clock clock) {
		JwtDecoder checking = (token) -> {
			this.decoded.incrementAndGet();
			if (!token.equals("good")) {
				throw new BadJwtException("not signed by the auth-server");
			}
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("shop-admin")
				.issuedAt(NOW)
				.notBefore(NOW)
				.expiresAt(NOW.plus(Duration.ofMinutes(30)))
				.build();
		};
		return new ValidatedTokens.Remembering(checking, new ValidatedTokens(clock));
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
