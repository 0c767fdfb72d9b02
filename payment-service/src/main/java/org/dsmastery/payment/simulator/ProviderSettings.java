package org.dsmastery.payment.simulator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the simulated provider misbehaves.
 *
 * @param latencyMs how long it takes before answering each call
 * @param failureRate the share of calls answered 503 (evenly spread: with 0.5, every
 * other call fails, the first one included)
 * @param declineRate the share of new authorizations declined with 402
 */
record ProviderSettings(@NotNull @Min(0) @Max(60_000) Integer latencyMs,
		@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double failureRate,
		@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double declineRate) {

	static final ProviderSettings HEALTHY = new ProviderSettings(0, 0.0, 0.0);

}
