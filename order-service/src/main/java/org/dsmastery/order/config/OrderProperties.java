package org.dsmastery.order.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of order-service, under {@code shop.order}.
 *
 * @param idGeneratorUrl base URL of the id-generator ({@code http://id-generator}
 * resolves through discovery)
 * @param inventoryUrl base URL of inventory-service, for prices
 * @param idPrefetch how many ids to keep buffered
 * @param callTimeout read timeout of calls to other services
 * @param choreographyTimeout how long a choreographed order may stay pending before it is
 * rejected
 */
@ConfigurationProperties("shop.order")
@Validated
public record OrderProperties(@NotNull @DefaultValue("http://id-generator") String idGeneratorUrl,
		@NotNull @DefaultValue("http://inventory-service") String inventoryUrl,
		@Min(10) @DefaultValue("1000") int idPrefetch, @NotNull @DefaultValue("2s") Duration callTimeout,
		@NotNull @DefaultValue("2m") Duration choreographyTimeout) {
}
