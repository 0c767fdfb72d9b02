package org.dsmastery.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * HTTP to the server a test started on a local port: a {@link RestClient} that hands back
 * every answer, errors included, and the JDK's client for requests a {@code RestClient}
 * would not send as they are (oversized headers, overlong request lines, chunked bodies).
 *
 * <pre class="code">
 * LocalHttp http = new LocalHttp(port);
 * HttpResponse&lt;String&gt; response = http.send(http.request("/api/things").DELETE());
 * </pre>
 */
public final class LocalHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final @Nullable String token;

	/**
	 * Creates a client of the server on a loopback port that sends no token.
	 * @param port the server's port
	 */
	public LocalHttp(int port) {
		this(port, null);
	}

	/**
	 * Creates a client of the server on a loopback port whose requests carry a bearer
	 * token.
	 * @param port the server's port
	 * @param token the access token, such as {@link TestIdentity#admin()}, or
	 * {@code null}
	 */
	public LocalHttp(int port, @Nullable String token) {
		this.port = port;
		this.token = token;
	}

	/**
	 * Returns a {@code RestClient} on the server that hands back every answer, errors
	 * included, instead of throwing.
	 * @param port the server's port
	 * @return the client
	 */
	public static RestClient client(int port) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	/**
	 * Returns a {@code RestClient} on the server, like {@link #client(int)}, that sends a
	 * bearer token with every request.
	 * @param port the server's port
	 * @param token the access token, such as {@link TestIdentity#admin()}
	 * @return the client
	 */
	public static RestClient client(int port, String token) {
		return client(port).mutate().defaultHeader("Authorization", "Bearer " + token).build();
	}

	/**
	 * Starts a request to a path of the server.
	 * @param path the path, with its query
	 * @return the request, to be given a method, headers and a body
	 */
	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		return (this.token != null) ? request.header("Authorization", "Bearer " + this.token) : request;
	}

	/**
	 * Sends a request and reads the whole answer.
	 * @param request the request
	 * @return the answer, whatever its status
	 */
	public HttpResponse<String> send(HttpRequest.Builder request) {
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

}
