package org.dsmastery.payment.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.Payment;
import org.dsmastery.payment.domain.PaymentRepository;
import org.dsmastery.payment.domain.PaymentStatus;
import org.dsmastery.payment.domain.SagaStyle;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Payments in the {@code payment} table; its primary key, the order id, makes a second
 * payment of one order impossible.
 */
@Repository
class JdbcPaymentRepository implements PaymentRepository {

	private static final String COLUMNS = "order_id, customer_id, amount_cents, currency, status, saga_style, "
			+ "authorization_id, reason, created_at, updated_at";

	private final JdbcTemplate jdbc;

	JdbcPaymentRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Payment> find(OrderId orderId) {
		return this.jdbc
			.query("select " + COLUMNS + " from payment where order_id = ?", JdbcPaymentRepository::map,
					orderId.value())
			.stream()
			.findFirst();
	}

	@Override
	public void insert(Payment payment) {
		this.jdbc.update("insert into payment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				payment.orderId().value(), payment.customerId().value(), payment.amount().cents(),
				payment.amount().currency(), payment.status().name(), payment.sagaStyle().name(),
				payment.authorizationId(), payment.reason(), Timestamp.from(payment.createdAt()),
				Timestamp.from(payment.updatedAt()));
	}

	@Override
	public void update(Payment payment) {
		this.jdbc.update("update payment set status = ?, reason = ?, updated_at = ? where order_id = ?",
				payment.status().name(), payment.reason(), Timestamp.from(payment.updatedAt()),
				payment.orderId().value());
	}

	@Override
	public List<Payment> findAll() {
		return this.jdbc.query("select " + COLUMNS + " from payment order by order_id", JdbcPaymentRepository::map);
	}

	private static Payment map(ResultSet rs, int row) throws SQLException {
		return Payment.restore(new OrderId(rs.getLong("order_id")), new CustomerId(rs.getLong("customer_id")),
				new Money(rs.getLong("amount_cents"), rs.getString("currency")),
				SagaStyle.valueOf(rs.getString("saga_style")), PaymentStatus.valueOf(rs.getString("status")),
				rs.getString("authorization_id"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
