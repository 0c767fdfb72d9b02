package org.dsmastery.inventory.adapter.out.persistence;

import java.util.Map;
import java.util.Optional;

import org.dsmastery.inventory.application.CounterStore;
import org.dsmastery.inventory.application.ProductCounts;
import org.dsmastery.inventory.domain.Sku;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Durable totals of the write-back counters.
 */
@Repository
class JdbcCounterStore implements CounterStore {

	private final JdbcTemplate jdbc;

	JdbcCounterStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Map<Sku, ProductCounts> counts) {
		this.jdbc.batchUpdate("""
				insert into product_counter (sku, views, price_lookups) values (?, ?, ?)
				on conflict (sku) do update set views = product_counter.views + excluded.views,
				    price_lookups = product_counter.price_lookups + excluded.price_lookups, updated_at = now()""",
				counts.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((entry) -> new Object[] { entry.getKey().code(), entry.getValue().views(),
							entry.getValue().priceLookups() })
					.toList());
	}

	@Override
	public Optional<ProductCounts> totals(Sku sku) {
		return this.jdbc
			.query("select views, price_lookups from product_counter where sku = ?",
					(rs, row) -> new ProductCounts(rs.getLong("views"), rs.getLong("price_lookups")), sku.code())
			.stream()
			.findFirst();
	}

}
