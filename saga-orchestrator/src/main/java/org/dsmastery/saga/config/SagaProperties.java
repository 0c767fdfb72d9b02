package org.dsmastery.saga.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the saga orchestrator ({@code shop.saga.*}).
 *
 * @param stepTimeout how long a step may take before it compensates (forward steps) or is
 * sent again (approving and compensations)
 * @param deadlineCheckInterval how often overdue steps are looked for
 * @param auditGrace how long past its deadline a running saga may be before the audit
 * calls it stuck
 */
@ConfigurationProperties("shop.saga")
public record SagaProperties(@DefaultValue("30s") Duration stepTimeout,
		@DefaultValue("500ms") Duration deadlineCheckInterval, @DefaultValue("30s") Duration auditGrace) {
}
