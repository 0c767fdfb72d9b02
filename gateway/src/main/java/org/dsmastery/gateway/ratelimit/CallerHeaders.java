package org.dsmastery.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request whose caller headers cannot be keys: {@code X-API-Key} and
 * {@code X-Customer-Id} name the caller in the rate limits' Redis keys and the tier
 * registry, and pick an instance by consistent hash, so each is 1 to {@value #MAX_LENGTH}
 * visible ASCII characters. Without this check an over-long key was silently ignored and
 * the caller counted by IP instead; now the caller learns of its mistake with a 400
 * problem naming the header.
 */
@Component
class CallerHeaders implements WebFilter, Ordered {

	static final int MAX_LENGTH = 200;

	private static final List<String> HEADERS = List.of(Caller.API_KEY_HEADER, Caller.CUSTOMER_HEADER);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (String header : HEADERS) {
			List<String> values = exchange.getRequest().getHeaders().get(header);
			if (values != null && (values.size() > 1 || !isKey(values.get(0)))) {
				return refuse(exchange.getResponse(), header);
			}
		}
		return chain.filter(exchange);
	}

	private static boolean isKey(String value) {
		return !value.isEmpty() && value.length() <= MAX_LENGTH && value.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	private static Mono<Void> refuse(ServerHttpResponse response, String header) {
		String detail = "must be given once, as 1 to " + MAX_LENGTH + " visible ASCII characters";
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"https://dsmastery.org/problems/invalid-request\",\"title\":\"Invalid header\","
				+ "\"status\":400,\"detail\":\"" + header + " " + detail + "\",\"errors\":[{\"header\":\"" + header
				+ "\",\"detail\":\"" + detail + "\"}]}";
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

	@Override
	public int getOrder() {
		// before the gateway's handler, so neither the limits nor a route see a bad key
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
