package org.dsmastery.saga.adapter.in.web;

import java.util.Map;

import org.dsmastery.saga.application.SagaAudit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the invariant audit reads from the orchestrator: sagas per state, sagas stuck past
 * their deadline, and the outbox backlog.
 */
@RestController
class SagaAuditController {

	private final SagaAudit audit;

	SagaAuditController(SagaAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit/sagas")
	Map<String, Object> audit() {
		SagaAudit.Report report = this.audit.report();
		return Map.of("byState", report.byState(), "stuck", report.stuck().stream().map(String::valueOf).toList(),
				"outboxBacklog", report.outboxBacklog());
	}

}
