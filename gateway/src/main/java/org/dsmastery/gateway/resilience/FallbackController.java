package org.dsmastery.gateway.resilience;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when the service behind it fails, is too slow
 * or its circuit is open: a 503 problem that says which service and why, instead of a
 * bare error.
 */
@RestController
class FallbackController {

	static final URI UPSTREAM_UNAVAILABLE = URI.create("https://dsmastery.org/problems/upstream-unavailable");

	@RequestMapping("/fallback/{route}")
	Mono<ResponseEntity<ProblemDetail>> fallback(@PathVariable String route, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		String why = switch (cause) {
			case null -> "it failed";
			case io.github.resilience4j.circuitbreaker.CallNotPermittedException open ->
				"its circuit breaker is open after repeated failures";
			case java.util.concurrent.TimeoutException timeout -> "it did not answer in time";
			default -> "it failed (" + cause.getClass().getSimpleName() + ")";
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				route + " is unavailable: " + why + "; retry later");
		problem.setType(UPSTREAM_UNAVAILABLE);
		problem.setTitle("Upstream unavailable");
		problem.setProperty("route", route);
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem));
	}

}
