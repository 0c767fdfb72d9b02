package org.dsmastery.gateway;

import com.sun.net.httpserver.HttpHandler;
import org.dsmastery.testsupport.StubHttpServer;

/**
 * Stand-ins that answer the load balancer's health checks as a running service does,
 * apart from their API: the gateway balances only over instances whose
 * {@code /actuator/health} answers 200, and a test counting API calls must not count the
 * checks.
 */
public final class HealthyStubs {

	private HealthyStubs() {
	}

	/**
	 * Starts a stand-in that is healthy and answers its API with the handler.
	 * @param api the API handler
	 * @return the running server
	 */
	public static StubHttpServer start(HttpHandler api) {
		return StubHttpServer.start((exchange) -> {
			if (exchange.getRequestURI().getPath().startsWith("/actuator/health")) {
				StubHttpServer.respond(exchange, 200, "{\"status\":\"UP\"}");
				return;
			}
			api.handle(exchange);
		});
	}

}
