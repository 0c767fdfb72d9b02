package org.dsmastery.order;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.dsmastery.snowflake.SnowflakeGenerator;

/**
 * Stand-ins for the HTTP APIs of id-generator and inventory-service (which do not run in
 * this service's tests): a real HTTP server on loopback answering as they do.
 */
final class StubDependencies {

	static final Map<String, Long> PRICES = Map.of("SKU-KEYBOARD", 4999L, "SKU-MOUSE", 2500L, "SKU-SCREEN", 19900L);

	static final AtomicBoolean inventoryDown = new AtomicBoolean();

	private static final SnowflakeGenerator ids = new SnowflakeGenerator(3, Duration.ofMillis(20));

	static final HttpServer server = start();

	private StubDependencies() {
	}

	static String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/ids", (exchange) -> {
				int count = Integer.parseInt(query(exchange).get("count"));
				respond(exchange, 200,
						Arrays.stream(ids.nextIds(count))
							.mapToObj((id) -> "\"" + id + "\"")
							.collect(Collectors.joining(",", "{\"ids\":[", "]}")));
			});
			server.createContext("/api/products/prices", (exchange) -> {
				if (inventoryDown.get()) {
					respond(exchange, 500, "{}");
					return;
				}
				String prices = Arrays
					.stream(Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "").split("&"))
					.map((pair) -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8))
					.filter(PRICES::containsKey)
					.map((sku) -> "{\"sku\":\"" + sku + "\",\"priceCents\":" + PRICES.get(sku)
							+ ",\"currency\":\"EUR\"}")
					.collect(Collectors.joining(",", "{\"prices\":[", "]}"));
				respond(exchange, 200, prices);
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> query(HttpExchange exchange) {
		return Arrays.stream(exchange.getRequestURI().getQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((kv) -> kv[0], (kv) -> kv[1], (a, b) -> b));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
