package org.dsmastery.inventory.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of inventory-service, under {@code shop.inventory}.
 *
 * @param lock the sku locks around allocation
 * @param cache the product cache
 * @param counters the write-back counters
 */
@ConfigurationProperties("shop.inventory")
@Validated
public record InventoryProperties(@Valid @DefaultValue Lock lock, @Valid @DefaultValue Cache cache,
		@Valid @DefaultValue Counters counters) {

	/**
	 * The fenced sku locks.
	 *
	 * @param waitTime {@code wait}: how long an allocation waits for each lock before
	 * giving up (the message is retried)
	 * @param lease how long a lock is held at most: a paused or dead holder blocks others
	 * no longer
	 */
	public record Lock(@Name("wait") @NotNull @DefaultValue("2s") Duration waitTime,
			@NotNull @DefaultValue("5s") Duration lease) {
	}

	/**
	 * The product cache.
	 *
	 * @param ttl how long an entry lives without being written
	 */
	public record Cache(@NotNull @DefaultValue("10m") Duration ttl) {
	}

	/**
	 * The write-back counters.
	 *
	 * @param flushInterval how often counts move from Redis to PostgreSQL: also the
	 * longest stretch of counts a crash can lose
	 */
	public record Counters(@NotNull @DefaultValue("5s") Duration flushInterval) {
	}

}
