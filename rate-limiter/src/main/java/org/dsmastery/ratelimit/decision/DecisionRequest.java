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
 * @param key the caller: a client id, a customer id, an IP address; its tier is the one
 * the tier registry gives it, so a request cannot claim one
 * @param permits how many permits, 1 by default
 */
record DecisionRequest(@NotBlank @Size(max = 100) String route, @NotNull KeyKind keyKind,
		@NotBlank @Size(max = 200) String key, @Min(1) @Max(1000) Integer permits) {
}
