package org.dsmastery.inventory.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.dsmastery.inventory.domain.Price;
import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.ProductRepository;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Products and stock in PostgreSQL.
 */
@Repository
class JdbcProductRepository implements ProductRepository {

	private final JdbcTemplate jdbc;

	JdbcProductRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A keyset query on the primary key: a page reads only its own rows, however deep.
	 */
	@Override
	public List<Product> findPage(Sku after, int limit) {
		if (after == null) {
			return this.jdbc.query("select sku, name, price_cents, currency from product order by sku limit ?",
					JdbcProductRepository::product, limit);
		}
		return this.jdbc.query(
				"select sku, name, price_cents, currency from product where sku > ? order by sku limit ?",
				JdbcProductRepository::product, after.code(), limit);
	}

	@Override
	public List<Product> findAll(Collection<Sku> skus) {
		return this.jdbc.query("select sku, name, price_cents, currency from product where sku = any(?) order by sku",
				JdbcProductRepository::product, (Object) skus.stream().map(Sku::code).toArray(String[]::new));
	}

	@Override
	public Optional<Product> find(Sku sku) {
		return this.jdbc
			.query("select sku, name, price_cents, currency from product where sku = ?", JdbcProductRepository::product,
					sku.code())
			.stream()
			.findFirst();
	}

	@Override
	public Optional<StockLevel> stock(Sku sku) {
		return this.jdbc
			.query("select sku, initial, available, reserved, sold from stock where sku = ?",
					(rs, i) -> new StockLevel(new Sku(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
							rs.getLong(5)),
					sku.code())
			.stream()
			.findFirst();
	}

	@Override
	public boolean save(Product product) {
		Boolean created = this.jdbc.queryForObject("""
				insert into product (sku, name, price_cents, currency) values (?, ?, ?, ?)
				on conflict (sku) do update set name = excluded.name, price_cents = excluded.price_cents,
				    currency = excluded.currency, updated_at = now()
				returning (xmax = 0)""", Boolean.class, product.sku().code(), product.name(), product.price().cents(),
				product.price().currency());
		this.jdbc.update("insert into stock (sku, initial, available) values (?, 0, 0) on conflict (sku) do nothing",
				product.sku().code());
		return Boolean.TRUE.equals(created);
	}

	@Override
	public StockLevel restock(Sku sku, long quantity) {
		return this.jdbc.queryForObject("""
				update stock set initial = initial + ?, available = available + ? where sku = ?
				returning sku, initial, available, reserved, sold""",
				(rs, i) -> new StockLevel(new Sku(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5)),
				quantity, quantity, sku.code());
	}

	private static Product product(ResultSet rs, int row) throws SQLException {
		return new Product(new Sku(rs.getString("sku")), rs.getString("name"),
				new Price(rs.getLong("price_cents"), rs.getString("currency")));
	}

}
