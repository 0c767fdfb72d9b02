package org.dsmastery.identity.tokens;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims every access token carries beyond the standard ones: the audience
 * {@value #AUDIENCE} whatever the client (the server would name the client), the
 * {@code client_id}, and for a shopper's token the {@code customer_id} the shopper logged
 * in as.
 */
@Component
public class ShopApiClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** The one audience: the platform's APIs, which check it. */
	public static final String AUDIENCE = "shop-api";

	/** The client the token was issued to. */
	public static final String CLIENT_ID = "client_id";

	/** The customer a shopper's token acts for: the username they logged in with. */
	public static final String CUSTOMER_ID = "customer_id";

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		context.getClaims().audience(List.of(AUDIENCE)).claim(CLIENT_ID, context.getRegisteredClient().getClientId());
		// the principal of an authorization code is the shopper who logged in; that of
		// client credentials is the client itself
		if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
			context.getClaims().claim(CUSTOMER_ID, context.getPrincipal().getName());
		}
	}

}
