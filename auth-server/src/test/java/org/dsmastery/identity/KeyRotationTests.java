package org.dsmastery.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import org.dsmastery.identity.keys.RotatingSigningKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rotation as resource servers see it, through {@code /oauth2/jwks}. When a retired key
 * leaves the JWKS is {@code RotatingSigningKeysTests}' subject, with a clock it moves.
 */
@AuthServerTest
class KeyRotationTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	RotatingSigningKeys keys;

	@Test
	void aTokenSignedBeforeARotationStillVerifiesAndTheNextIsSignedWithTheNewKey() throws Exception {
		Tokens tokens = new Tokens(this.port);
		String before = Tokens
			.accessToken(tokens.clientCredentials("shop-services", TestSecrets.SERVICES_SECRET, "internal"));
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
		assertThat(oldKid).isEqualTo(this.keys.currentKeyId());

		this.keys.rotate();

		String newKid = this.keys.currentKeyId();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(tokens.jwks().getKeys()).extracting(JWK::getKeyID).startsWith(newKid).contains(oldKid);
		assertThat(tokens.verified(before).getHeader().getKeyID()).isEqualTo(oldKid);
		String after = Tokens
			.accessToken(tokens.clientCredentials("shop-services", TestSecrets.SERVICES_SECRET, "internal"));
		assertThat(tokens.verified(after).getHeader().getKeyID()).isEqualTo(newKid);
	}

}
