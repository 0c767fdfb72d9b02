package org.dsmastery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port standing in for another service's API in a
 * service's own tests (services never depend on each other, so their tests cannot start
 * the real one). Each request runs on a virtual thread.
 *
 * <pre class="code">
 * StubHttpServer inventory = StubHttpServer.start((exchange) -&gt; StubHttpServer.respond(exchange, 200, "{\"prices\":[]}"));
 * </pre>
 */
public final class StubHttpServer implements AutoCloseable {

	private final HttpServer server;

	private StubHttpServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a server that answers every path with the handler.
	 * @param handler the handler
	 * @return the running server
	 */
	public static StubHttpServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", handler);
			server.start();
			return new StubHttpServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answers with a JSON body.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param json the body
	 * @throws IOException if the client went away
	 */
	public static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/**
	 * Returns the server's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
