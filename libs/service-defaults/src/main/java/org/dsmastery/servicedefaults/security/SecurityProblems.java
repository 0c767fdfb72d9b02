package org.dsmastery.servicedefaults.security;

import org.dsmastery.servicedefaults.web.ProblemTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * The answers of both web stacks when Spring Security refuses a request: the platform's
 * problem ({@code unauthorized} or {@code forbidden}) with the request's trace, and the
 * {@code WWW-Authenticate} challenge of RFC 6750, which names the error's code only: why
 * a token failed (expired, wrong issuer, bad signature) goes to the service's log, not to
 * the caller.
 */
final class SecurityProblems {

	static final String CHALLENGE_HEADER = "WWW-Authenticate";

	private SecurityProblems() {
	}

	static String unauthorizedChallenge(AuthenticationException ex) {
		return (ex instanceof OAuth2AuthenticationException)
				? "Bearer error=\"" + BearerTokenErrorCodes.INVALID_TOKEN + "\"" : "Bearer";
	}

	static String forbiddenChallenge() {
		return "Bearer error=\"" + BearerTokenErrorCodes.INSUFFICIENT_SCOPE + "\"";
	}

	static String body(int status, String method, String path, @Nullable String traceId) {
		return ProblemTypes.json(status, (status == 401) ? "Unauthorized" : "Forbidden", method, path, traceId);
	}

}
