package org.dsmastery.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limiting at the gateway, under {@code shop.gateway.rate-limit}.
 *
 * @param enabled whether requests are rate limited at all
 * @param serviceUrl the rate-limiter service ({@code http://rate-limiter} resolves
 * through discovery)
 * @param timeout how long a decision may take before the local fallback decides
 * @param defaultTier the tier of callers that send no {@code X-Client-Tier}
 * @param fallbackCapacity burst of the local fallback bucket, per caller and route
 * @param fallbackRatePerSecond refill of the local fallback bucket
 */
@ConfigurationProperties("shop.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("http://rate-limiter") String serviceUrl, @DefaultValue("250ms") Duration timeout,
		@DefaultValue("free") String defaultTier, @DefaultValue("20") long fallbackCapacity,
		@DefaultValue("10") double fallbackRatePerSecond) {
}
