package org.dsmastery.order.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dsmastery.order.application.CustomerOrder;
import org.dsmastery.order.application.OrderReadModel;
import org.dsmastery.order.application.OrderView;
import org.dsmastery.order.application.SkuSales;
import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderEvent.OrderApproved;
import org.dsmastery.order.domain.OrderEvent.OrderCancelled;
import org.dsmastery.order.domain.OrderEvent.OrderPlaced;
import org.dsmastery.order.domain.OrderEvent.OrderRejected;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderLine;
import org.dsmastery.order.domain.OrderStatus;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The read tables in PostgreSQL. Every change is guarded by the order's stream version,
 * so an event applied twice (redelivery, or a rebuild overlapping the live consumer)
 * changes nothing the second time.
 */
@Repository
class JdbcOrderReadModel implements OrderReadModel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<LineJson>> LINES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	JdbcOrderReadModel(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean apply(OrderEvent event, int version) {
		return switch (event) {
			case OrderPlaced placed -> placed(placed, version);
			case OrderApproved approved -> {
				boolean changed = changeStatus(approved.orderId(), OrderStatus.APPROVED, null, approved, version);
				if (changed) {
					countSold(approved.orderId());
				}
				yield changed;
			}
			case OrderRejected rejected ->
				changeStatus(rejected.orderId(), OrderStatus.REJECTED, rejected.reason(), rejected, version);
			case OrderCancelled cancelled ->
				changeStatus(cancelled.orderId(), OrderStatus.CANCELLED, cancelled.reason(), cancelled, version);
		};
	}

	private boolean placed(OrderPlaced placed, int version) {
		Money total = placed.total();
		int inserted = this.jdbc.update("""
				insert into order_view (order_id, customer_id, status, total_cents, currency, saga_style, lines,
				    placed_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
				on conflict (order_id) do nothing""", placed.orderId().value(), placed.customerId().value(),
				OrderStatus.PENDING.name(), total.cents(), total.currency(), placed.sagaStyle().name(),
				JSON.writeValueAsString(placed.lines().stream().map(LineJson::of).toList()),
				Timestamp.from(placed.occurredAt()), Timestamp.from(placed.occurredAt()), version);
		if (inserted == 0) {
			return false;
		}
		this.jdbc.update("""
				insert into customer_order (customer_id, order_id, status, total_cents, currency, placed_at)
				values (?, ?, ?, ?, ?, ?)""", placed.customerId().value(), placed.orderId().value(),
				OrderStatus.PENDING.name(), total.cents(), total.currency(), Timestamp.from(placed.occurredAt()));
		for (OrderLine line : placed.lines()) {
			this.jdbc.update("""
					insert into sku_sales (sku, ordered, currency) values (?, ?, ?)
					on conflict (sku) do update set ordered = sku_sales.ordered + excluded.ordered""",
					line.sku().code(), line.quantity(), line.unitPrice().currency());
		}
		return true;
	}

	private boolean changeStatus(OrderId orderId, OrderStatus status, String reason, OrderEvent event, int version) {
		int updated = this.jdbc.update("""
				update order_view set status = ?, reason = ?, updated_at = ?, version = ?
				where order_id = ? and version < ?""", status.name(), reason, Timestamp.from(event.occurredAt()),
				version, orderId.value(), version);
		if (updated == 0) {
			return false;
		}
		this.jdbc.update("update customer_order set status = ? where order_id = ?", status.name(), orderId.value());
		return true;
	}

	private void countSold(OrderId orderId) {
		String lines = this.jdbc.queryForObject("select lines::text from order_view where order_id = ?", String.class,
				orderId.value());
		for (LineJson line : JSON.readValue(lines, LINES)) {
			this.jdbc.update("update sku_sales set sold = sold + ?, revenue_cents = revenue_cents + ? where sku = ?",
					line.quantity(), line.quantity() * line.unitPriceCents(), line.sku());
		}
	}

	@Override
	public void clear() {
		this.jdbc.execute("truncate order_view, customer_order, sku_sales");
	}

	@Override
	public Optional<OrderView> find(OrderId orderId) {
		return this.jdbc.query("select * from order_view where order_id = ?", JdbcOrderReadModel::view, orderId.value())
			.stream()
			.findFirst();
	}

	/**
	 * A keyset query: the rows after the previous page's last key in the index's own
	 * order ({@code customer_order_history}), so every page costs the same however deep
	 * it is.
	 */
	@Override
	public List<CustomerOrder> byCustomer(CustomerId customerId, CustomerOrder.Key after, int limit) {
		RowMapper<CustomerOrder> row = (rs, i) -> new CustomerOrder(new OrderId(rs.getLong("order_id")),
				OrderStatus.valueOf(rs.getString("status")),
				new Money(rs.getLong("total_cents"), rs.getString("currency")),
				rs.getTimestamp("placed_at").toInstant());
		if (after == null) {
			return this.jdbc.query("""
					select order_id, status, total_cents, currency, placed_at from customer_order
					where customer_id = ?
					order by placed_at desc, order_id desc limit ?""", row, customerId.value(), limit);
		}
		return this.jdbc.query("""
				select order_id, status, total_cents, currency, placed_at from customer_order
				where customer_id = ? and (placed_at, order_id) < (?, ?)
				order by placed_at desc, order_id desc limit ?""", row, customerId.value(),
				Timestamp.from(after.placedAt()), after.orderId().value(), limit);
	}

	@Override
	public List<OrderId> pendingChoreographed(Instant placedBefore, int limit) {
		return this.jdbc.query("""
				select order_id from order_view
				where status = ? and saga_style = ? and placed_at < ?
				order by placed_at limit ?""", (rs, row) -> new OrderId(rs.getLong("order_id")),
				OrderStatus.PENDING.name(), SagaStyle.CHOREOGRAPHED.name(), Timestamp.from(placedBefore), limit);
	}

	@Override
	public List<SkuSales> salesBySku(Sku after, int limit) {
		RowMapper<SkuSales> row = (rs, i) -> new SkuSales(new Sku(rs.getString("sku")), rs.getLong("ordered"),
				rs.getLong("sold"), rs.getLong("revenue_cents"), rs.getString("currency"));
		if (after == null) {
			return this.jdbc.query("select * from sku_sales order by sku limit ?", row, limit);
		}
		return this.jdbc.query("select * from sku_sales where sku > ? order by sku limit ?", row, after.code(), limit);
	}

	@Override
	public Map<Integer, Long> offsets(String topic) {
		return this.jdbc
			.query("select partition, next_offset from projection_offset where topic = ?",
					(rs, i) -> Map.entry(rs.getInt(1), rs.getLong(2)), topic)
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public void saveOffset(String topic, int partition, long nextOffset) {
		this.jdbc.update("""
				insert into projection_offset (topic, partition, next_offset) values (?, ?, ?)
				on conflict (topic, partition) do update set next_offset = greatest(projection_offset.next_offset,
				    excluded.next_offset)""", topic, partition, nextOffset);
	}

	private static OrderView view(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		List<OrderLine> lines = JSON.readValue(rs.getString("lines"), LINES)
			.stream()
			.map((line) -> new OrderLine(new Sku(line.sku()), line.quantity(),
					new Money(line.unitPriceCents(), currency)))
			.toList();
		return new OrderView(new OrderId(rs.getLong("order_id")), new CustomerId(rs.getLong("customer_id")),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				new Money(rs.getLong("total_cents"), currency), SagaStyle.valueOf(rs.getString("saga_style")), lines,
				rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

	/**
	 * A line as the read model stores it.
	 */
	record LineJson(String sku, int quantity, long unitPriceCents) {

		static LineJson of(OrderLine line) {
			return new LineJson(line.sku().code(), line.quantity(), line.unitPrice().cents());
		}

	}

}
