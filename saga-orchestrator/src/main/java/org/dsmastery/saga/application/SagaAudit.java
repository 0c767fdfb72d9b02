package org.dsmastery.saga.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.dsmastery.saga.domain.SagaState;

import org.springframework.transaction.annotation.Transactional;

/**
 * The orchestrator's part of the invariant audit: how many sagas are in each state, which
 * running sagas are more than a grace period past their deadline (the deadline checker
 * should have moved them), and how many messages wait in the outbox.
 */
public class SagaAudit {

	private final SagaRepository sagas;

	private final LongSupplier outboxBacklog;

	private final Clock clock;

	private final Duration grace;

	public SagaAudit(SagaRepository sagas, LongSupplier outboxBacklog, Clock clock, Duration grace) {
		this.sagas = sagas;
		this.outboxBacklog = outboxBacklog;
		this.clock = clock;
		this.grace = grace;
	}

	@Transactional(readOnly = true)
	public Report report() {
		return new Report(this.sagas.countByState(), this.sagas.overdue(this.clock.instant().minus(this.grace)),
				this.outboxBacklog.getAsLong());
	}

	/**
	 * The audit's view.
	 *
	 * @param byState sagas per state
	 * @param stuck running sagas far past their deadline
	 * @param outboxBacklog messages not yet published
	 */
	public record Report(Map<SagaState, Long> byState, List<Long> stuck, long outboxBacklog) {
	}

}
