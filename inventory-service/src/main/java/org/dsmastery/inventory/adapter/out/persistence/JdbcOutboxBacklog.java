package org.dsmastery.inventory.adapter.out.persistence;

import org.dsmastery.inventory.application.OutboxBacklog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts the rows of libs/outbox's table: a published message is deleted.
 */
@Repository
class JdbcOutboxBacklog implements OutboxBacklog {

	private final JdbcTemplate jdbc;

	JdbcOutboxBacklog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long size() {
		Long count = this.jdbc.queryForObject("select count(*) from outbox_message", Long.class);
		return (count != null) ? count : 0;
	}

}
