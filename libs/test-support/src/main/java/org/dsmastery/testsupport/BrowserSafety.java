package org.dsmastery.testsupport;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser meets at any of the platform's APIs (OWASP API8): Spring Security's
 * headers on every answer, and no CORS permission for another origin, in a preflight or
 * on the request itself, so a page on another origin can neither read an answer nor send
 * a request that needs one.
 */
public final class BrowserSafety {

	private static final String ANOTHER_ORIGIN = "https://evil.example";

	private BrowserSafety() {
	}

	/**
	 * Asks a path as a page on another origin would, and asserts the answers.
	 * @param http the client, with the token the request needs
	 * @param path a path the token may read
	 */
	public static void assertSecurityHeadersAndNoCorsPermission(LocalHttp http, String path) {
		HttpResponse<String> response = http.send(http.request(path).header("Origin", ANOTHER_ORIGIN).GET());
		HttpResponse<String> preflight = http.send(http.request(path)
			.header("Origin", ANOTHER_ORIGIN)
			.header("Access-Control-Request-Method", "DELETE")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		// no CORS configuration: the preflight grants no origin and no method, so a
		// browser on another origin never sends the request
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
	}

}
