package org.dsmastery.saga.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsmastery.saga.application.SagaHistoryEntry;
import org.dsmastery.saga.application.SagaPosition;
import org.dsmastery.saga.application.SagaRepository;
import org.dsmastery.saga.application.SagaView;
import org.dsmastery.saga.domain.PlaceOrderSaga;
import org.dsmastery.saga.domain.SagaLine;
import org.dsmastery.saga.domain.SagaState;
import org.dsmastery.saga.domain.SagaTimeouts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sagas in PostgreSQL: one row per saga, locked with {@code FOR UPDATE} while an input is
 * applied, and an append-only history.
 */
@Repository
class JdbcSagaRepository implements SagaRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<SagaLine>> LINES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			order_id, customer_id, amount_cents, currency, lines::text as lines, state, reason, attempt, deadline,
			give_up_at, version, started_at, updated_at""";

	private final JdbcTemplate jdbc;

	private final SagaTimeouts timeouts;

	JdbcSagaRepository(JdbcTemplate jdbc, SagaTimeouts timeouts) {
		this.jdbc = jdbc;
		this.timeouts = timeouts;
	}

	@Override
	public boolean insert(PlaceOrderSaga saga) {
		PlaceOrderSaga.Snapshot s = saga.snapshot();
		return this.jdbc.update(
				"""
						insert into saga (order_id, customer_id, amount_cents, currency, lines, state, reason, attempt, deadline,
						                  give_up_at, version, started_at, updated_at)
						values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
						on conflict (order_id) do nothing""",
				s.orderId(), s.customerId(), s.amountCents(), s.currency(), JSON.writeValueAsString(s.lines()),
				s.state().name(), s.reason(), s.attempt(), timestamp(s.deadline()), timestamp(s.giveUpAt()),
				s.version(), timestamp(s.startedAt()), timestamp(s.startedAt())) == 1;
	}

	@Override
	public Optional<PlaceOrderSaga> lock(long orderId) {
		return this.jdbc.query("select " + COLUMNS + " from saga where order_id = ? for update", this::saga, orderId)
			.stream()
			.findFirst();
	}

	@Override
	public List<PlaceOrderSaga> lockOverdue(Instant now, int limit) {
		return this.jdbc.query("select " + COLUMNS + """
				 from saga where deadline is not null and deadline <= ?
				order by deadline limit ? for update skip locked""", this::saga, timestamp(now), limit);
	}

	@Override
	public void update(PlaceOrderSaga saga) {
		PlaceOrderSaga.Snapshot s = saga.snapshot();
		int updated = this.jdbc.update("""
				update saga set state = ?, reason = ?, attempt = ?, deadline = ?, give_up_at = ?, version = ?,
				                updated_at = now()
				where order_id = ? and version = ?""", s.state().name(), s.reason(), s.attempt(),
				timestamp(s.deadline()), timestamp(s.giveUpAt()), s.version(), s.orderId(), s.version() - 1);
		if (updated != 1) {
			// the row lock makes this impossible; fail loudly rather than lose a
			// transition
			throw new IllegalStateException("saga " + s.orderId() + " changed under its lock");
		}
	}

	@Override
	public void record(long orderId, SagaHistoryEntry entry) {
		this.jdbc.update("""
				insert into saga_history (order_id, at, kind, type, from_state, to_state, message_id, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", orderId, timestamp(entry.at()), entry.kind().name(), entry.type(),
				(entry.from() != null) ? entry.from().name() : null, entry.to().name(), entry.messageId(),
				entry.detail());
	}

	@Override
	public Optional<SagaView> find(long orderId) {
		return this.jdbc.query("select " + COLUMNS + " from saga where order_id = ?", this::view, orderId)
			.stream()
			.findFirst();
	}

	@Override
	public List<SagaHistoryEntry> history(long orderId) {
		return this.jdbc.query("""
				select at, kind, type, from_state, to_state, message_id, detail
				from saga_history where order_id = ? order by seq""",
				(rs, row) -> new SagaHistoryEntry(rs.getTimestamp("at").toInstant(),
						SagaHistoryEntry.Kind.valueOf(rs.getString("kind")), rs.getString("type"),
						(rs.getString("from_state") != null) ? SagaState.valueOf(rs.getString("from_state")) : null,
						SagaState.valueOf(rs.getString("to_state")), rs.getString("message_id"),
						rs.getString("detail")),
				orderId);
	}

	@Override
	public List<SagaView> page(SagaState state, SagaPosition after, int limit) {
		// a keyset query: the row value comparison walks the index from the last row on
		List<String> where = new ArrayList<>();
		List<Object> arguments = new ArrayList<>();
		if (state != null) {
			where.add("state = ?");
			arguments.add(state.name());
		}
		if (after != null) {
			where.add("(started_at, order_id) < (?, ?)");
			arguments.add(timestamp(after.startedAt()));
			arguments.add(after.orderId());
		}
		arguments.add(limit);
		return this.jdbc
			.query("select " + COLUMNS + " from saga" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
					+ " order by started_at desc, order_id desc limit ?", this::view, arguments.toArray());
	}

	@Override
	public Map<SagaState, Long> countByState() {
		Map<SagaState, Long> counts = new EnumMap<>(SagaState.class);
		for (SagaState state : SagaState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.query("select state, count(*) as n from saga group by state", (ResultSet rs) -> {
			counts.put(SagaState.valueOf(rs.getString("state")), rs.getLong("n"));
		});
		return counts;
	}

	@Override
	public List<Long> overdue(Instant before) {
		return this.jdbc.queryForList("select order_id from saga where deadline < ? order by deadline", Long.class,
				timestamp(before));
	}

	private PlaceOrderSaga saga(ResultSet rs, int row) throws SQLException {
		return PlaceOrderSaga.restore(new PlaceOrderSaga.Snapshot(rs.getLong("order_id"), rs.getLong("customer_id"),
				rs.getLong("amount_cents"), rs.getString("currency"), JSON.readValue(rs.getString("lines"), LINES),
				instant(rs, "started_at"), SagaState.valueOf(rs.getString("state")), rs.getString("reason"),
				rs.getInt("attempt"), instant(rs, "deadline"), instant(rs, "give_up_at"), rs.getInt("version")),
				this.timeouts);
	}

	private SagaView view(ResultSet rs, int row) throws SQLException {
		return new SagaView(rs.getLong("order_id"), rs.getLong("customer_id"), rs.getLong("amount_cents"),
				rs.getString("currency"), JSON.readValue(rs.getString("lines"), LINES),
				SagaState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getInt("attempt"),
				instant(rs, "deadline"), instant(rs, "started_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
