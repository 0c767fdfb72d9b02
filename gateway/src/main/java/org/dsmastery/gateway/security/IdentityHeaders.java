package org.dsmastery.gateway.security;

import java.util.List;

import org.dsmastery.servicedefaults.security.Caller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Headers that name a caller are the gateway's to write, never the caller's: every routed
 * request loses the ones it came with, and a shopper's gets {@value #CUSTOMER_ID} from
 * the validated token. Downstream nothing trusts it for access (each service reads the
 * token it is relayed); it is the consistent-hash load balancer's key, so one customer's
 * requests keep going to one instance.
 */
@Component
class IdentityHeaders implements GlobalFilter, Ordered {

	static final String CUSTOMER_ID = "X-Customer-Id";

	/**
	 * What callers once sent to be trusted (before the platform had tokens) and what a
	 * forged request might try: removed from every routed request.
	 */
	static final List<String> CALLER_HEADERS = List.of(CUSTOMER_ID, "X-API-Key", "X-Client-Tier", "X-User-Id",
			"X-Forwarded-User", "X-Auth-Request-User");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.mapNotNull((principal) -> Caller.of((JwtAuthenticationToken) principal).customerId())
			.map((customer) -> rewrite(exchange, customer))
			.switchIfEmpty(Mono.fromSupplier(() -> rewrite(exchange, null)))
			.flatMap(chain::filter);
	}

	private static ServerWebExchange rewrite(ServerWebExchange exchange, @Nullable String customerId) {
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			CALLER_HEADERS.forEach(headers::remove);
			if (customerId != null) {
				headers.set(CUSTOMER_ID, customerId);
			}
		}).build();
		return exchange.mutate().request(request).build();
	}

	@Override
	public int getOrder() {
		// before the load balancer picks an instance by the customer's hash
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 100;
	}

}
