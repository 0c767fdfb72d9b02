package org.dsmastery.saga.config;

import java.time.Duration;

import org.dsmastery.saga.domain.SagaTimeouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the saga orchestrator ({@code shop.saga.*}).
 *
 * @param stepTimeout how long a step's command may go unanswered before it is sent again
 * @param giveUpAfter how long a forward step (reserving stock, authorizing payment) may
 * go unanswered, re-sends included, before the saga compensates and rejects the order: a
 * business decision (docs/patterns/saga.md)
 * @param deadlineCheckInterval how often overdue steps are looked for
 * @param auditGrace how long past its deadline a running saga may be before the audit
 * calls it stuck
 */
@ConfigurationProperties("shop.saga")
public record SagaProperties(@DefaultValue("30s") Duration stepTimeout, @DefaultValue("2m") Duration giveUpAfter,
		@DefaultValue("500ms") Duration deadlineCheckInterval, @DefaultValue("30s") Duration auditGrace) {

	/**
	 * Returns the timeouts the sagas run with.
	 * @return the step timeout and the give-up deadline
	 */
	public SagaTimeouts timeouts() {
		return new SagaTimeouts(this.stepTimeout, this.giveUpAfter);
	}

}
