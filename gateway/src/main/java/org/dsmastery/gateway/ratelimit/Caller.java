package org.dsmastery.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who is calling, as the limits count it: by API key if one is sent, else by customer,
 * else by client IP.
 *
 * @param keyKind {@code API_KEY}, {@code CUSTOMER} or {@code IP}
 * @param key the API key, customer id or address
 * @param tier the caller's tier
 */
record Caller(String keyKind, String key, String tier) {

	static final String API_KEY_HEADER = "X-API-Key";

	static final String CUSTOMER_HEADER = "X-Customer-Id";

	static final String TIER_HEADER = "X-Client-Tier";

	static Caller of(ServerHttpRequest request, String defaultTier) {
		String tier = header(request, TIER_HEADER);
		tier = (tier != null && tier.matches("[a-z0-9-]{1,50}")) ? tier : defaultTier;
		String apiKey = header(request, API_KEY_HEADER);
		if (apiKey != null) {
			return new Caller("API_KEY", apiKey, tier);
		}
		String customer = header(request, CUSTOMER_HEADER);
		if (customer != null) {
			return new Caller("CUSTOMER", customer, tier);
		}
		InetSocketAddress remote = request.getRemoteAddress();
		String ip = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
		return new Caller("IP", ip, tier);
	}

	private static String header(ServerHttpRequest request, String name) {
		String value = request.getHeaders().getFirst(name);
		return (value != null && !value.isBlank() && value.length() <= 200) ? value.strip() : null;
	}

}
