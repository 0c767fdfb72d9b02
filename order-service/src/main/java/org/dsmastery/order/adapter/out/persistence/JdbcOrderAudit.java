package org.dsmastery.order.adapter.out.persistence;

import org.dsmastery.order.application.OrderAudit;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit's queries: each order's last event in the event store, the read side's lag
 * behind it, and the outbox backlog.
 */
@Repository
class JdbcOrderAudit implements OrderAudit {

	private final JdbcTemplate jdbc;

	JdbcOrderAudit(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Report report() {
		var orders = this.jdbc.query("""
				select last.order_id, last.type, first.occurred_at as placed_at, last.occurred_at as changed_at
				from (select distinct on (order_id) order_id, type, occurred_at
				      from order_event order by order_id, version desc) last
				join order_event first on first.order_id = last.order_id and first.version = 1
				order by first.occurred_at""",
				(rs, row) -> new AuditedOrder(new OrderId(rs.getLong("order_id")), status(rs.getString("type")),
						rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("changed_at").toInstant()));
		Long behind = this.jdbc.queryForObject("""
				select count(*) from (select order_id, max(version) as version from order_event group by order_id) e
				left join order_view v on v.order_id = e.order_id
				where v.version is null or v.version < e.version""", Long.class);
		Long backlog = this.jdbc.queryForObject("select count(*) from outbox_message", Long.class);
		return new Report(orders, behind, backlog);
	}

	private static OrderStatus status(String lastEventType) {
		return switch (lastEventType) {
			case "OrderPlaced" -> OrderStatus.PENDING;
			case "OrderApproved" -> OrderStatus.APPROVED;
			case "OrderRejected" -> OrderStatus.REJECTED;
			case "OrderCancelled" -> OrderStatus.CANCELLED;
			default -> throw new IllegalStateException("unknown event type " + lastEventType);
		};
	}

}
