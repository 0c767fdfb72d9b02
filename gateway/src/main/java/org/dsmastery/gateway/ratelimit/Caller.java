package org.dsmastery.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who is calling, as the limits count it: by API key if one is sent, else by customer,
 * else by client IP. The caller's tier is not here: the rate-limiter's tier registry
 * decides it, so no request can claim one.
 *
 * @param keyKind {@code API_KEY}, {@code CUSTOMER} or {@code IP}
 * @param key the API key, customer id or address
 */
record Caller(String keyKind, String key) {

	static final String API_KEY_HEADER = "X-API-Key";

	static final String CUSTOMER_HEADER = "X-Customer-Id";

	static Caller of(ServerHttpRequest request) {
		String apiKey = header(request, API_KEY_HEADER);
		if (apiKey != null) {
			return new Caller("API_KEY", apiKey);
		}
		String customer = header(request, CUSTOMER_HEADER);
		if (customer != null) {
			return new Caller("CUSTOMER", customer);
		}
		InetSocketAddress remote = request.getRemoteAddress();
		String ip = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
		return new Caller("IP", ip);
	}

	private static String header(ServerHttpRequest request, String name) {
		String value = request.getHeaders().getFirst(name);
		return (value != null && !value.isBlank() && value.length() <= 200) ? value.strip() : null;
	}

}
