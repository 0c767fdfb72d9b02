package org.dsmastery.idempotency;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Idempotency-Key} handling, under {@code shop.idempotency}.
 *
 * @param paths path patterns whose POST requests require the header, such as
 * {@code /api/orders}
 * @param retention how long a stored response is replayed; after that the key is
 * forgotten
 */
@ConfigurationProperties("shop.idempotency")
public record IdempotencyProperties(@DefaultValue List<String> paths, @DefaultValue("24h") Duration retention) {
}
