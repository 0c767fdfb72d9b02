package org.dsmastery.payment.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.PaymentOrder;
import org.dsmastery.payment.domain.PaymentOrderRepository;
import org.dsmastery.payment.domain.SagaStyle;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Orders as payment-service knows them, in {@code payment_order}: filled from
 * {@code OrderPlaced}, closed (the tombstone) by a rejection, a cancellation or a void.
 */
@Repository
class JdbcPaymentOrderRepository implements PaymentOrderRepository {

	private static final String COLUMNS = "order_id, customer_id, amount_cents, currency, saga_style, closed";

	private final JdbcTemplate jdbc;

	JdbcPaymentOrderRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<PaymentOrder> find(OrderId orderId) {
		return this.jdbc
			.query("select " + COLUMNS + " from payment_order where order_id = ?", JdbcPaymentOrderRepository::map,
					orderId.value())
			.stream()
			.findFirst();
	}

	@Override
	public void recordPlaced(PaymentOrder order) {
		this.jdbc.update("""
				insert into payment_order (order_id, customer_id, amount_cents, currency, saga_style, closed)
				values (?, ?, ?, ?, ?, false)
				on conflict (order_id) do update set customer_id = excluded.customer_id,
				    amount_cents = excluded.amount_cents, currency = excluded.currency, saga_style = excluded.saga_style
				""", order.orderId().value(), order.customerId().value(), order.amount().cents(),
				order.amount().currency(), order.sagaStyle().name());
	}

	@Override
	public PaymentOrder lock(OrderId orderId) {
		this.jdbc.update(
				"insert into payment_order (order_id, closed) values (?, false) on conflict (order_id) do nothing",
				orderId.value());
		return this.jdbc.queryForObject("select " + COLUMNS + " from payment_order where order_id = ? for update",
				JdbcPaymentOrderRepository::map, orderId.value());
	}

	@Override
	public void close(OrderId orderId) {
		this.jdbc.update("""
				insert into payment_order (order_id, closed) values (?, true)
				on conflict (order_id) do update set closed = true""", orderId.value());
	}

	private static PaymentOrder map(ResultSet rs, int row) throws SQLException {
		long customer = rs.getLong("customer_id");
		CustomerId customerId = rs.wasNull() ? null : new CustomerId(customer);
		long amount = rs.getLong("amount_cents");
		Money total = rs.wasNull() ? null : new Money(amount, rs.getString("currency"));
		String style = rs.getString("saga_style");
		return new PaymentOrder(new OrderId(rs.getLong("order_id")), customerId, total,
				(style != null) ? SagaStyle.valueOf(style) : null, rs.getBoolean("closed"));
	}

}
