package org.dsmastery.inventory.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StaleFencingTokenException;
import org.dsmastery.inventory.domain.StockLedger;
import org.dsmastery.inventory.domain.StockLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Stock rows in PostgreSQL. Every allocation write is conditional on
 * {@code fence < :token} and stores the token: the row itself refuses a writer whose lock
 * was taken over (the database is the last line of defence, not the lock). The
 * {@code check (initial = available + reserved + sold)} constraint and the non-negative
 * checks refuse any write that would break invariant 2.
 */
@Repository
class JdbcStockLedger implements StockLedger {

	private final JdbcTemplate jdbc;

	JdbcStockLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Sku, StockLevel> levels(Collection<Sku> skus) {
		Map<Sku, StockLevel> levels = new LinkedHashMap<>();
		this.jdbc
			.query("select sku, initial, available, reserved, sold from stock where sku = any(?) order by sku",
					JdbcStockLedger::level, (Object) skus.stream().map(Sku::code).toArray(String[]::new))
			.forEach((level) -> levels.put(level.sku(), level));
		return levels;
	}

	@Override
	public List<StockLevel> all() {
		return this.jdbc.query("select sku, initial, available, reserved, sold from stock order by sku",
				JdbcStockLedger::level);
	}

	@Override
	public Map<Sku, Long> fences(Collection<Sku> skus) {
		Map<Sku, Long> fences = new LinkedHashMap<>();
		RowCallbackHandler collect = (rs) -> fences.put(new Sku(rs.getString("sku")), rs.getLong("fence"));
		if (skus == null) {
			this.jdbc.query("select sku, fence from stock where fence > 0 order by sku", collect);
		}
		else {
			this.jdbc.query("select sku, fence from stock where sku = any(?) order by sku", collect,
					(Object) skus.stream().map(Sku::code).toArray(String[]::new));
		}
		return fences;
	}

	@Override
	public void reserve(Sku sku, long quantity, long token) {
		fenced(sku, token, "available = available - ?, reserved = reserved + ?", quantity);
	}

	@Override
	public void release(Sku sku, long quantity, long token) {
		fenced(sku, token, "available = available + ?, reserved = reserved - ?", quantity);
	}

	@Override
	public void sell(Sku sku, long quantity, long token) {
		fenced(sku, token, "reserved = reserved - ?, sold = sold + ?", quantity);
	}

	private void fenced(Sku sku, long token, String change, long quantity) {
		int rows = this.jdbc.update("update stock set " + change + ", fence = ? where sku = ? and fence < ?", quantity,
				quantity, token, sku.code(), token);
		if (rows == 0) {
			throw new StaleFencingTokenException(sku, token);
		}
	}

	static StockLevel level(ResultSet rs, int row) throws SQLException {
		return new StockLevel(new Sku(rs.getString("sku")), rs.getLong("initial"), rs.getLong("available"),
				rs.getLong("reserved"), rs.getLong("sold"));
	}

}
