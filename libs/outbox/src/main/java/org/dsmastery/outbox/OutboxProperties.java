package org.dsmastery.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, under {@code shop.outbox}.
 *
 * @param enabled whether this instance runs a relay
 * @param batchSize how many messages of one lane a relay publishes per transaction
 * @param pollInterval how long the relay sleeps when no NOTIFY wakes it (the fallback)
 * @param sendTimeout how long it waits for Kafka to acknowledge a batch
 */
@ConfigurationProperties("shop.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration sendTimeout) {
}
