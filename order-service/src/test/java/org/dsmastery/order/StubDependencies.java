package org.dsmastery.order;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import org.dsmastery.snowflake.SnowflakeGenerator;
import org.dsmastery.testsupport.StubHttpServer;

/**
 * Stand-ins for the HTTP APIs of id-generator and inventory-service (which do not run in
 * this service's tests): a real HTTP server on loopback answering as they do.
 */
final class StubDependencies {

	static final Map<String, Long> PRICES = Map.of("SKU-KEYBOARD", 4999L, "SKU-MOUSE", 2500L, "SKU-SCREEN", 19900L);

	static final AtomicBoolean inventoryDown = new AtomicBoolean();

	private static final SnowflakeGenerator ids = new SnowflakeGenerator(3, Duration.ofMillis(20));

	static final StubHttpServer server = start();

	private StubDependencies() {
	}

	static String url() {
		return server.url();
	}

	private static StubHttpServer start() {
		return StubHttpServer.start((exchange) -> {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/api/ids")) {
				int count = Integer.parseInt(query(exchange).get("count"));
				StubHttpServer.respond(exchange, 200,
						Arrays.stream(ids.nextIds(count))
							.mapToObj((id) -> "\"" + id + "\"")
							.collect(Collectors.joining(",", "{\"ids\":[", "]}")));
			}
			else if (path.equals("/api/products/prices") && !inventoryDown.get()) {
				String prices = Arrays
					.stream(Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "").split("&"))
					.map((pair) -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8))
					.filter(PRICES::containsKey)
					.map((sku) -> "{\"sku\":\"" + sku + "\",\"priceCents\":" + PRICES.get(sku)
							+ ",\"currency\":\"EUR\"}")
					.collect(Collectors.joining(",", "{\"prices\":[", "]}"));
				StubHttpServer.respond(exchange, 200, prices);
			}
			else {
				StubHttpServer.respond(exchange, 500, "{}");
			}
		});
	}

	private static Map<String, String> query(HttpExchange exchange) {
		return Arrays.stream(exchange.getRequestURI().getQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((kv) -> kv[0], (kv) -> kv[1], (a, b) -> b));
	}

}
