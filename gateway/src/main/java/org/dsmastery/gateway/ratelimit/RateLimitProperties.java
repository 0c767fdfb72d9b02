package org.dsmastery.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limiting at the gateway, under {@code shop.gateway.rate-limit}.
 *
 * @param enabled whether requests are rate limited at all
 * @param mode {@code remote} (ask the rate-limiter service) or {@code redis} (decide in
 * the gateway with libs/ratelimit against {@code spring.data.redis.*})
 * @param serviceUrl the rate-limiter service ({@code http://rate-limiter} resolves
 * through discovery)
 * @param timeout how long a decision may take before the local fallback decides
 * @param fallbackCapacity burst of the local fallback bucket, per caller and route
 * @param fallbackRatePerSecond refill of the local fallback bucket
 * @param rulesRefresh how often {@code redis} mode reloads the rules from Redis
 * @param leaseFraction the share of a limit's burst the gateway may take in one decision
 * and hand out locally ({@link PermitLeases}); 0 decides every request globally
 * @param maxLease the most permits one lease holds
 * @param leaseTerm how long a lease lasts; what it still holds then is lost
 */
@ConfigurationProperties("shop.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("remote") Mode mode,
		@DefaultValue("http://rate-limiter") String serviceUrl, @DefaultValue("250ms") Duration timeout,
		@DefaultValue("20") long fallbackCapacity, @DefaultValue("10") double fallbackRatePerSecond,
		@DefaultValue("1s") Duration rulesRefresh, @DefaultValue("0.001") double leaseFraction,
		@DefaultValue("1000") long maxLease, @DefaultValue("1s") Duration leaseTerm) {

	/**
	 * Where the decisions are made.
	 */
	public enum Mode {

		/** The rate-limiter service, over HTTP. */
		REMOTE,

		/** Redis, directly from the gateway. */
		REDIS

	}

}
