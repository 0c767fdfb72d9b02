package org.dsmastery.payment.adapter.out.persistence;

import java.util.List;

import org.dsmastery.payment.application.AuditQueries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit's extra numbers. The outbox table belongs to libs/outbox; the provider's
 * authorizations are kept by the simulated provider
 * ({@code org.dsmastery.payment.simulator}) in the same database, and stand in for the
 * reconciliation report a real PSP offers.
 */
@Repository
class JdbcAuditQueries implements AuditQueries {

	private final JdbcTemplate jdbc;

	JdbcAuditQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long outboxBacklog() {
		Long backlog = this.jdbc.queryForObject("select count(*) from outbox_message", Long.class);
		return (backlog != null) ? backlog : 0;
	}

	@Override
	public List<String> providerDuplicates() {
		return this.jdbc.queryForList("""
				select reference from provider_authorization
				where outcome = 'AUTHORIZED' and reference is not null
				group by reference having count(*) > 1 order by reference""", String.class);
	}

}
