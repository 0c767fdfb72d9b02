package org.dsmastery.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Turns rate limiting off and on at runtime on this gateway instance, through
 * {@code /actuator/ratelimit}: {@code GET} shows the mode and whether limits apply,
 * {@code POST {"enabled": false}} lets every request through without a decision. It
 * exists so that a benchmark can measure the gateway with and without the limiter in the
 * same run; outside a lab, keep the actuator off the public port
 * ({@code management.server.port}) or deny this endpoint
 * ({@code management.endpoint.ratelimit.access=read-only}).
 */
@Endpoint(id = "ratelimit")
class RateLimitSwitch {

	private final AtomicBoolean enabled = new AtomicBoolean(true);

	private final RateLimitProperties properties;

	RateLimitSwitch(RateLimitProperties properties) {
		this.properties = properties;
	}

	boolean enabled() {
		return this.enabled.get();
	}

	@ReadOperation
	Map<String, Object> state() {
		return Map.of("mode", this.properties.mode().name().toLowerCase(), "enabled", this.enabled.get());
	}

	@WriteOperation
	Map<String, Object> set(boolean enabled) {
		this.enabled.set(enabled);
		return state();
	}

}
