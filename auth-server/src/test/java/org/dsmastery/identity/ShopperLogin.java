package org.dsmastery.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shopper logging in as a command-line client does: the authorization code grant with
 * PKCE (S256) over plain HTTP, a cookie jar for the login session, and every redirect
 * read from its {@code Location} header, never followed automatically. The redirect URI
 * is a loopback one nobody listens on: the code is read from the last redirect.
 * <ol>
 * <li>{@link #authorize}: {@code GET /oauth2/authorize?...}, answered with a redirect to
 * {@code /login};</li>
 * <li>{@link #loginForm}: {@code GET /login}, the form's hidden {@code _csrf} token;</li>
 * <li>{@link #submitLogin}: {@code POST /login} with {@code username}, {@code password}
 * and {@code _csrf}, answered with a redirect back to the authorization request (or to
 * {@code /login?error});</li>
 * <li>{@link #follow}: that request again, now answered with a redirect to
 * {@code http://127.0.0.1/callback?code=...&state=...};</li>
 * <li>{@link #exchange}: {@code POST /oauth2/token} with the code and the verifier.</li>
 * </ol>
 */
final class ShopperLogin {

	static final String CLIENT_ID = "shop-shopper";

	static final String REDIRECT_URI = "http://127.0.0.1/callback";

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final URI server;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String codeVerifier = random(32);

	private final String state = random(16);

	ShopperLogin(URI server) {
		this.server = server;
	}

	/**
	 * Logs in and exchanges the code: the whole flow.
	 * @return the token response's JSON, or empty when the server gave no code
	 */
	Optional<HttpResponse<String>> login(String username, String password) {
		authorize(true);
		URI afterLogin = submitLogin(username, password, loginForm());
		if (!afterLogin.getPath().equals("/oauth2/authorize")) {
			return Optional.empty();
		}
		return code(follow(afterLogin)).map(this::exchange);
	}

	/**
	 * Asks for a code; the answer is a redirect (to the login form when not logged in).
	 * @param pkce whether to send the code challenge
	 * @return where the server redirects
	 */
	URI authorize(boolean pkce) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", CLIENT_ID);
		query.put("redirect_uri", REDIRECT_URI);
		query.put("scope", "shop");
		query.put("state", this.state);
		if (pkce) {
			query.put("code_challenge", challenge(this.codeVerifier));
			query.put("code_challenge_method", "S256");
		}
		return redirect(send(HttpRequest.newBuilder(this.server.resolve("/oauth2/authorize?" + encode(query)))));
	}

	/**
	 * Reads the login form.
	 * @return its CSRF token, to be posted back with the credentials
	 */
	String loginForm() {
		HttpResponse<String> form = send(HttpRequest.newBuilder(this.server.resolve("/login")));
		expect(form, 200);
		Matcher input = CSRF_INPUT.matcher(form.body());
		if (!input.find()) {
			throw new IllegalStateException("the login form has no _csrf input");
		}
		Matcher value = VALUE.matcher(input.group());
		if (!value.find()) {
			throw new IllegalStateException("the _csrf input has no value");
		}
		return value.group(1);
	}

	/**
	 * Posts the login form.
	 * @return where the server redirects: back to the authorization request, or to
	 * {@code /login?error}
	 */
	URI submitLogin(String username, String password, String csrf) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrf);
		return redirect(send(HttpRequest.newBuilder(this.server.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))));
	}

	/**
	 * Follows one redirect on the server by hand.
	 * @return where that answer redirects
	 */
	URI follow(URI location) {
		return redirect(send(HttpRequest.newBuilder(location)));
	}

	/**
	 * Exchanges a code for the token, proving with the verifier that this client asked
	 * for it; a public client sends its {@code client_id} instead of a secret.
	 */
	HttpResponse<String> exchange(String code) {
		return exchange(code, this.codeVerifier);
	}

	HttpResponse<String> exchange(String code, String codeVerifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		form.put("client_id", CLIENT_ID);
		form.put("code_verifier", codeVerifier);
		return send(HttpRequest.newBuilder(this.server.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	/**
	 * Reads the code from the redirect to the callback, checking the state.
	 * @return the code, or empty when the redirect carries none (an {@code error})
	 */
	Optional<String> code(URI callback) {
		if (!callback.toString().startsWith(REDIRECT_URI + "?")) {
			return Optional.empty();
		}
		Map<String, String> query = query(callback);
		if (!this.state.equals(query.get("state"))) {
			throw new IllegalStateException("the callback's state is not the one sent: " + callback);
		}
		return Optional.ofNullable(query.get("code"));
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() == null) {
			return parameters;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private URI redirect(HttpResponse<String> response) {
		expect(response, 302);
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("a redirect without Location"));
		// Tomcat writes relative redirects: resolve them against the request
		return response.uri().resolve(location);
	}

	private static void expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
					+ response.statusCode() + " instead of " + status + ": " + response.body());
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String encode(Map<String, String> parameters) {
		StringBuilder encoded = new StringBuilder();
		parameters.forEach((name, value) -> encoded.append((encoded.isEmpty()) ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return encoded.toString();
	}

}
