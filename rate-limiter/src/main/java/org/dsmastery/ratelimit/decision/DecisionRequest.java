package org.dsmastery.ratelimit.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dsmastery.ratelimiting.KeyKind;

/**
 * A request for permits.
 *
 * @param route the gateway route being called
 * @param keyKind what identifies the caller
 * @param key the caller: an API key, a customer id, an IP address
 * @param tier the caller's tier, or {@code null} for none
 * @param permits how many permits, 1 by default
 */
record DecisionRequest(@NotBlank @Size(max = 100) String route, @NotNull KeyKind keyKind,
		@NotBlank @Size(max = 200) String key, @Size(max = 50) String tier, @Min(1) @Max(1000) Integer permits) {
}
