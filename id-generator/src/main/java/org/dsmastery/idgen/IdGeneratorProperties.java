package org.dsmastery.idgen;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the id-generator, under {@code shop.id-generator}.
 *
 * @param leaseTtl how long a worker-id lease lives in Redis without a heartbeat
 * @param heartbeat how often the lease is renewed; well below {@code leaseTtl}
 * @param maxBackwardDrift how far the clock may step back before requests are refused
 * with 503 instead of waited out
 * @param maxBatch the largest {@code count} a request may ask for
 */
@ConfigurationProperties("shop.id-generator")
@Validated
public record IdGeneratorProperties(@NotNull @DefaultValue("10s") Duration leaseTtl,
		@NotNull @DefaultValue("2s") Duration heartbeat, @NotNull @DefaultValue("20ms") Duration maxBackwardDrift,
		@Min(1) @Max(100_000) @DefaultValue("10000") int maxBatch) {

	public IdGeneratorProperties {
		if (heartbeat != null && leaseTtl != null && heartbeat.multipliedBy(2).compareTo(leaseTtl) > 0) {
			throw new IllegalArgumentException(
					"heartbeat must be at most half of lease-ttl, so one late heartbeat" + " does not lose the lease");
		}
	}

}
