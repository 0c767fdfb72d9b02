package org.dsmastery.topology;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens for a client of the running platform, from its auth-server, as the
 * platform's own tools (the audit, the benchmarks, the end-to-end tests and
 * {@code ./platform token}) get them:
 * <ul>
 * <li>{@link #admin()}: the operator's client {@code shop-admin}, client credentials,
 * scope {@code admin};</li>
 * <li>{@link #services()}: the services' client {@code shop-services}, scope
 * {@code internal};</li>
 * <li>{@link #shopper(String)}: a shopper logged in as a customer through the demo
 * shopper app {@code shop-shopper}: the authorization-code flow with PKCE, as a browser
 * would run it (the login form, its CSRF token, the redirects), ending at the loopback
 * redirect URI, which nothing needs to listen on.</li>
 * </ul>
 * The secrets are the ones {@code ./platform up} generated into the state folder
 * ({@code PLATFORM_STATE}, by default {@code .platform}). A token is kept until four
 * fifths of its lifetime have passed.
 *
 * <pre class="code">
 * PlatformTokens tokens = PlatformTokens.local();
 * request.header("Authorization", "Bearer " + tokens.shopper("42"));
 * </pre>
 */
public final class PlatformTokens {

	/**
	 * The environment variable (or system property {@code platform.state}) of the state
	 * folder.
	 */
	public static final String STATE = "PLATFORM_STATE";

	/**
	 * The shopper app's redirect URI: loopback (RFC 8252), read from the redirect, never
	 * called.
	 */
	public static final String SHOPPER_REDIRECT_URI = "http://127.0.0.1/callback";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final SecureRandom random = new SecureRandom();

	private final URI issuer;

	private final Path secrets;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConcurrentMap<String, Token> tokens = new ConcurrentHashMap<>();

	/**
	 * Creates the tokens of one platform.
	 * @param topology the platform's topology, for the auth-server's address
	 * @param state the platform's state folder, for its secrets
	 */
	public PlatformTokens(Topology topology, Path state) {
		this.issuer = topology.instance("auth-server").url();
		this.secrets = state.resolve("secrets");
	}

	/**
	 * The tokens of the platform {@code ./platform} runs here: the port offset and the
	 * state folder of this process's environment.
	 * @return the tokens
	 */
	public static PlatformTokens local() {
		return new PlatformTokens(Topology.local(), localState());
	}

	/**
	 * The state folder of the platform {@code ./platform} runs here.
	 * @return {@code PLATFORM_STATE}, else the system property {@code platform.state},
	 * else {@code .platform}
	 */
	public static Path localState() {
		String state = System.getenv(STATE);
		if (state == null) {
			state = System.getProperty("platform.state", ".platform");
		}
		return Path.of(state);
	}

	/**
	 * An operator's token: client {@code shop-admin}, scope {@code admin}.
	 * @return the access token
	 */
	public String admin() {
		return cached("client:shop-admin",
				() -> clientCredentials("shop-admin", secret("identity/shop.identity.clients.admin.secret"), "admin"));
	}

	/**
	 * A service's token: client {@code shop-services}, scope {@code internal}.
	 * @return the access token
	 */
	public String services() {
		return cached("client:shop-services", () -> clientCredentials("shop-services",
				secret("services/shop.identity.clients.services.secret"), "internal"));
	}

	/**
	 * A shopper's token: logged in as the customer, scope {@code shop}.
	 * @param customerId the customer, 1 to 19 digits
	 * @return the access token
	 */
	public String shopper(String customerId) {
		return cached("customer:" + customerId, () -> login(customerId));
	}

	private String cached(String key, IoSupplier<Token> fetch) {
		Token token = this.tokens.get(key);
		if (token == null || Instant.now().isAfter(token.refreshAt())) {
			try {
				token = fetch.get();
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"no token from the auth-server at " + this.issuer + ": " + ex.getMessage(), ex);
			}
			this.tokens.put(key, token);
		}
		return token.value();
	}

	private Token clientCredentials(String clientId, String secret, String scope) throws IOException {
		String basic = Base64.getEncoder()
			.encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(this.http,
				HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(form(Map.of("grant_type", "client_credentials", "scope", scope))));
		return token(response);
	}

	/**
	 * The authorization-code flow with PKCE, as a browser runs it: authorize, the login
	 * form (with its CSRF token), the redirects back to authorize, the code at the
	 * redirect URI, and the code exchanged for the token with the verifier.
	 */
	private Token login(String customerId) throws IOException {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String verifier = randomText(32);
		String state = randomText(16);
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", "shop-shopper");
		authorize.put("redirect_uri", SHOPPER_REDIRECT_URI);
		authorize.put("scope", "shop");
		authorize.put("state", state);
		authorize.put("code_challenge", challenge(verifier));
		authorize.put("code_challenge_method", "S256");
		URI authorizeUri = this.issuer.resolve("/oauth2/authorize?" + query(authorize));
		URI login = redirect(send(browser, HttpRequest.newBuilder(authorizeUri).GET()), authorizeUri);
		HttpResponse<String> form = send(browser, HttpRequest.newBuilder(login).GET());
		Matcher csrf = CSRF.matcher(form.body());
		if (!csrf.find()) {
			throw new IOException("the login form at " + login + " has no CSRF token (HTTP " + form.statusCode() + ")");
		}
		Map<String, String> credentials = Map.of("username", customerId, "password",
				secret("identity/shop.identity.shopper-password"), "_csrf", csrf.group(1));
		URI next = redirect(send(browser,
				HttpRequest.newBuilder(login)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(form(credentials))),
				login);
		for (int hop = 0; !next.toString().startsWith(SHOPPER_REDIRECT_URI); hop++) {
			if (hop == 5 || next.getPath().equals("/login")
					|| next.getQuery() != null && next.getQuery().contains("error")) {
				throw new IOException("the login of customer " + customerId + " was refused (at " + next + ")");
			}
			next = redirect(send(browser, HttpRequest.newBuilder(next).GET()), next);
		}
		Map<String, String> callback = parameters(next.getRawQuery());
		if (!state.equals(callback.get("state")) || callback.get("code") == null) {
			throw new IOException("the auth-server answered the login with " + next);
		}
		HttpResponse<String> response = send(browser,
				HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(form(Map.of("grant_type", "authorization_code", "code", callback.get("code"), "redirect_uri",
							SHOPPER_REDIRECT_URI, "client_id", "shop-shopper", "code_verifier", verifier))));
		return token(response);
	}

	private URI redirect(HttpResponse<String> response, URI from) throws IOException {
		String location = response.headers().firstValue("Location").orElse(null);
		if (response.statusCode() / 100 != 3 || location == null) {
			throw new IOException(from + " answered HTTP " + response.statusCode() + ", not a redirect");
		}
		return from.resolve(location);
	}

	private static Token token(HttpResponse<String> response) throws IOException {
		Matcher token = ACCESS_TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IOException("the token endpoint answered HTTP " + response.statusCode() + ": " + response.body());
		}
		Matcher expiresIn = EXPIRES_IN.matcher(response.body());
		long lifetime = expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60;
		return new Token(token.group(1), Instant.now().plusSeconds(lifetime * 4 / 5));
	}

	private String secret(String name) {
		Path file = this.secrets.resolve(name);
		try {
			return Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no secret at " + file + ": ./platform up generates the platform's secrets",
					ex);
		}
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException {
		try {
			return client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(query(fields));
	}

	private static String query(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : (query != null) ? query.split("&") : new String[0]) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(pair.substring(0, equals),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String randomText(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Prints a token for curl:
	 * {@code ./platform token [shopper|admin|services] [--customer 42]}.
	 * @param args the kind of token, and the customer of a shopper's
	 */
	public static void main(String[] args) {
		String kind = (args.length > 0) ? args[0] : "shopper";
		String customer = (args.length > 2 && args[1].equals("--customer")) ? args[2] : "42";
		PlatformTokens tokens = local();
		System.out.println(switch (kind) {
			case "shopper" -> tokens.shopper(customer);
			case "admin" -> tokens.admin();
			case "services" -> tokens.services();
			default -> throw new IllegalArgumentException("no such token: " + kind + " (shopper, admin or services)");
		});
	}

	private record Token(String value, Instant refreshAt) {
	}

	@FunctionalInterface
	private interface IoSupplier<T> {

		T get() throws IOException;

	}

}
