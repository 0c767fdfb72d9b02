package org.dsmastery.payment.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.dsmastery.payment.domain.Account;
import org.dsmastery.payment.domain.AccountRepository;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Accounts in the {@code account} table, whose check constraints repeat the domain's
 * invariant: {@code credit = balance + held + captured}, nothing negative.
 */
@Repository
class JdbcAccountRepository implements AccountRepository {

	private static final String COLUMNS = "customer_id, currency, credit_cents, balance_cents, held_cents, captured_cents";

	private final JdbcTemplate jdbc;

	JdbcAccountRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Account> find(CustomerId customerId) {
		return this.jdbc
			.query("select " + COLUMNS + " from account where customer_id = ?", JdbcAccountRepository::map,
					customerId.value())
			.stream()
			.findFirst();
	}

	@Override
	public Account lock(CustomerId customerId, Money initialCredit) {
		this.jdbc.update("""
				insert into account (customer_id, currency, credit_cents, balance_cents, held_cents, captured_cents)
				values (?, ?, ?, ?, 0, 0) on conflict (customer_id) do nothing""", customerId.value(),
				initialCredit.currency(), initialCredit.cents(), initialCredit.cents());
		return this.jdbc.queryForObject("select " + COLUMNS + " from account where customer_id = ? for update",
				JdbcAccountRepository::map, customerId.value());
	}

	@Override
	public void save(Account account) {
		this.jdbc.update("""
				update account set credit_cents = ?, balance_cents = ?, held_cents = ?, captured_cents = ?,
				    updated_at = now()
				where customer_id = ?""", account.credit(), account.balance(), account.held(), account.captured(),
				account.customerId().value());
	}

	@Override
	public List<Account> findAll() {
		return this.jdbc.query("select " + COLUMNS + " from account order by customer_id", JdbcAccountRepository::map);
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		return Account.restore(new CustomerId(rs.getLong("customer_id")), rs.getString("currency"),
				rs.getLong("credit_cents"), rs.getLong("balance_cents"), rs.getLong("held_cents"),
				rs.getLong("captured_cents"));
	}

}
