package org.dsmastery.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits every routed request before it leaves the gateway. The caller is identified
 * by {@code X-API-Key}, else {@code X-Customer-Id}, else its IP address; its tier comes
 * from the rate-limiter's tier registry, never from the request. Responses carry the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers; a refused request gets 429,
 * {@code Retry-After} and a problem body.
 * <p>
 * Each decision counts in {@code ratelimit.decisions} ({@code ratelimit_decisions_total}
 * in Prometheus) by the caller's {@code tier} and its {@code outcome}
 * ({@code allowed}/{@code rejected}): one per request, whoever decided it (the
 * rate-limiter, Redis, a permit lease, or the local fallback, whose tier is
 * {@code unknown}). Requests let through while the runtime switch is off are not
 * decisions and are not counted.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	private final PermitLeases limiter;

	private final RateLimitSwitch rateLimitSwitch;

	private final MeterRegistry meterRegistry;

	// tiers come from the rate-limiter's registry, so there are few of them
	private final ConcurrentMap<String, Counter> decisions = new ConcurrentHashMap<>();

	RateLimitFilter(PermitLeases limiter, RateLimitSwitch rateLimitSwitch, MeterRegistry meterRegistry) {
		this.limiter = limiter;
		this.rateLimitSwitch = rateLimitSwitch;
		this.meterRegistry = meterRegistry;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.rateLimitSwitch.enabled()) {
			return chain.filter(exchange);
		}
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String routeId = (route != null) ? route.getId() : "unrouted";
		return RateLimitKey.of(exchange)
			.flatMap((caller) -> this.limiter.decide(routeId, caller))
			.flatMap((verdict) -> {
				count(verdict);
				ServerHttpResponse response = exchange.getResponse();
				writeHeaders(response.getHeaders(), verdict);
				return verdict.allowed() ? chain.filter(exchange) : refuse(response, verdict);
			});
	}

	private void count(Verdict verdict) {
		String outcome = verdict.allowed() ? "allowed" : "rejected";
		this.decisions
			.computeIfAbsent(verdict.tier() + '\n' + outcome,
					(key) -> Counter.builder("ratelimit.decisions")
						.description("Rate-limit decisions at the gateway, one per request")
						.tag("tier", verdict.tier())
						.tag("outcome", outcome)
						.register(this.meterRegistry))
			.increment();
	}

	private static void writeHeaders(HttpHeaders headers, Verdict verdict) {
		if (verdict.policy() == null) {
			return;
		}
		String name = "\"" + verdict.policy() + "\"";
		headers.set("RateLimit-Policy", name + ";q=" + verdict.quota() + ";w=" + verdict.windowSeconds());
		headers.set("RateLimit", name + ";r=" + verdict.remaining() + ";t=" + seconds(verdict.retryAfterMs()));
	}

	private static Mono<Void> refuse(ServerHttpResponse response, Verdict verdict) {
		long retry = Math.max(1, seconds(verdict.retryAfterMs()));
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retry));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"https://dsmastery.org/problems/rate-limited\",\"title\":\"Too many requests\","
				+ "\"status\":429,\"detail\":\"limit '" + verdict.policy() + "' allows bursts of " + verdict.quota()
				+ " refilled over " + verdict.windowSeconds() + " s; retry in " + retry + " s\"}";
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

	private static long seconds(long millis) {
		return (millis + 999) / 1000;
	}

	@Override
	public int getOrder() {
		// after the route is known, before the load balancer picks an instance
		return 0;
	}

}
