package org.dsmastery.saga.adapter.in.scheduling;

import org.dsmastery.saga.application.SagaService;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for sagas whose step deadline passed, every
 * {@code shop.saga.deadline-check-interval}. Several instances may run it: each locks the
 * overdue rows it takes and skips those another instance holds.
 */
@Component
class SagaDeadlines {

	private static final int BATCH = 100;

	private final SagaService sagas;

	SagaDeadlines(SagaService sagas) {
		this.sagas = sagas;
	}

	@Scheduled(fixedDelayString = "${shop.saga.deadline-check-interval:500ms}")
	void timeOutOverdueSagas() {
		while (this.sagas.timeOutOverdue(BATCH) == BATCH) {
			// a full batch: there may be more
		}
	}

}
