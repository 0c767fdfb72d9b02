package org.dsmastery.ratelimiting;

import java.time.Duration;

/**
 * The answer to one request for permits.
 *
 * @param allowed whether the permits were granted
 * @param remaining permits that could still be granted right now
 * @param retryAfter when a refused request could succeed; zero when allowed
 * @param limit the limit that decided
 */
public record Decision(boolean allowed, long remaining, Duration retryAfter, Limit limit) {
}
