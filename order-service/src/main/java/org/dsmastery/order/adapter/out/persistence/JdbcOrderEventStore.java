package org.dsmastery.order.adapter.out.persistence;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderEventStore;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderVersionConflictException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The event store in PostgreSQL: table {@code order_event}, one row per event, unique on
 * {@code (order_id, version)}. Appending at a version another writer took violates that
 * constraint, which turns into {@link OrderVersionConflictException}: a conflict, never a
 * lost event. Payloads are the domain events as JSON; this format is private to the
 * store.
 */
@Repository
class JdbcOrderEventStore implements OrderEventStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Class<?>> TYPES = Arrays.stream(OrderEvent.class.getPermittedSubclasses())
		.collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

	private final JdbcTemplate jdbc;

	JdbcOrderEventStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<OrderEvent> load(OrderId orderId) {
		return this.jdbc.query("select type, payload::text from order_event where order_id = ? order by version",
				(rs, i) -> read(rs.getString(1), rs.getString(2)), orderId.value());
	}

	@Override
	public void append(OrderId orderId, int expectedVersion, List<OrderEvent> events) {
		try {
			int version = expectedVersion;
			for (OrderEvent event : events) {
				version++;
				this.jdbc.update("""
						insert into order_event (order_id, version, type, payload, occurred_at)
						values (?, ?, ?, ?::jsonb, ?)""", orderId.value(), version, event.getClass().getSimpleName(),
						JSON.writeValueAsString(event), Timestamp.from(event.occurredAt()));
			}
		}
		catch (DuplicateKeyException ex) {
			throw new OrderVersionConflictException(orderId, expectedVersion);
		}
	}

	@Override
	public void replayAll(VersionedEventVisitor visitor) {
		RowCallbackHandler eachRow = (rs) -> visitor.visit(read(rs.getString(1), rs.getString(2)), rs.getInt(3));
		this.jdbc.query("select type, payload::text, version from order_event order by seq", eachRow);
	}

	private static OrderEvent read(String type, String payload) {
		Class<?> eventType = TYPES.get(type);
		if (eventType == null) {
			throw new IllegalStateException("unknown event type in the store: " + type);
		}
		return (OrderEvent) JSON.readValue(payload, eventType);
	}

}
