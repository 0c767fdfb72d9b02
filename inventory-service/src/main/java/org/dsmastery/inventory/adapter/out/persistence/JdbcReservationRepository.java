package org.dsmastery.inventory.adapter.out.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.Reservation;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.ReservationRepository;
import org.dsmastery.inventory.domain.ReservationStatus;
import org.dsmastery.inventory.domain.SagaStyle;
import org.dsmastery.inventory.domain.Sku;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reservations and their lines in PostgreSQL.
 */
@Repository
class JdbcReservationRepository implements ReservationRepository {

	private static final String COLUMNS = "order_id, status, saga_style, reason, unavailable_skus, created_at, updated_at";

	private final JdbcTemplate jdbc;

	JdbcReservationRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Reservation> find(OrderId orderId) {
		return one("select " + COLUMNS + " from reservation where order_id = ?", orderId);
	}

	@Override
	public Optional<Reservation> findForUpdate(OrderId orderId) {
		return one("select " + COLUMNS + " from reservation where order_id = ? for update", orderId);
	}

	@Override
	public boolean insert(Reservation reservation) {
		int rows = this.jdbc.update("""
				insert into reservation (order_id, status, saga_style, reason, unavailable_skus, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (order_id) do nothing""", reservation.orderId().value(),
				reservation.status().name(), style(reservation.sagaStyle()), reservation.reason(),
				reservation.unavailableSkus().stream().map(Sku::code).toArray(String[]::new),
				Timestamp.from(reservation.createdAt()), Timestamp.from(reservation.updatedAt()));
		if (rows == 0) {
			return false;
		}
		for (ReservationLine line : reservation.lines()) {
			this.jdbc.update("insert into reservation_line (order_id, sku, quantity) values (?, ?, ?)",
					reservation.orderId().value(), line.sku().code(), line.quantity());
		}
		return true;
	}

	@Override
	public void update(Reservation reservation) {
		this.jdbc.update("update reservation set status = ?, reason = ?, updated_at = ? where order_id = ?",
				reservation.status().name(), reservation.reason(), Timestamp.from(reservation.updatedAt()),
				reservation.orderId().value());
	}

	@Override
	public List<Reservation> findAll() {
		Map<Long, List<ReservationLine>> lines = new HashMap<>();
		this.jdbc.query("select order_id, sku, quantity from reservation_line order by order_id, sku", (rs) -> {
			lines.computeIfAbsent(rs.getLong("order_id"), (id) -> new ArrayList<>())
				.add(new ReservationLine(new Sku(rs.getString("sku")), rs.getInt("quantity")));
		});
		return this.jdbc.query("select " + COLUMNS + " from reservation order by order_id",
				(rs, row) -> reservation(rs, lines.getOrDefault(rs.getLong("order_id"), List.of())));
	}

	private Optional<Reservation> one(String sql, OrderId orderId) {
		List<ReservationLine> lines = this.jdbc.query(
				"select sku, quantity from reservation_line where order_id = ? order by sku",
				(rs, row) -> new ReservationLine(new Sku(rs.getString("sku")), rs.getInt("quantity")), orderId.value());
		return this.jdbc.query(sql, (rs, row) -> reservation(rs, lines), orderId.value()).stream().findFirst();
	}

	private static Reservation reservation(ResultSet rs, List<ReservationLine> lines) throws SQLException {
		String style = rs.getString("saga_style");
		Array unavailable = rs.getArray("unavailable_skus");
		List<Sku> skus = Arrays.stream((String[]) unavailable.getArray()).map(Sku::new).toList();
		return new Reservation(new OrderId(rs.getLong("order_id")), ReservationStatus.valueOf(rs.getString("status")),
				(style != null) ? SagaStyle.valueOf(style.toUpperCase(Locale.ROOT)) : null, lines,
				rs.getString("reason"), skus, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static String style(SagaStyle style) {
		return (style != null) ? style.name().toLowerCase(Locale.ROOT) : null;
	}

}
