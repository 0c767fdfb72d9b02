package org.dsmastery.inventory.adapter.out.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.inventory.application.ProductCounters;
import org.dsmastery.inventory.application.ProductCounts;
import org.dsmastery.inventory.domain.Sku;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Write-back counters in one Redis hash, {@code inventory:counters}, with fields
 * {@code views:<SKU>} and {@code prices:<SKU>}. Increments are one {@code HINCRBY} (or
 * one script for a price quote of many skus); a drain reads and deletes the hash in one
 * script, so no increment is counted twice or lost between the two.
 */
@Component
class RedisProductCounters implements ProductCounters {

	static final String KEY = "inventory:counters";

	private static final String VIEWS = "views:";

	private static final String PRICES = "prices:";

	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			for i = 1, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
			return #ARGV / 2""", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> DRAIN = RedisScript.of("""
			local counts = redis.call('HGETALL', KEYS[1])
			redis.call('DEL', KEYS[1])
			return counts""", List.class);

	private static final Logger logger = LoggerFactory.getLogger(RedisProductCounters.class);

	private final StringRedisTemplate redis;

	private final Counter dropped;

	RedisProductCounters(StringRedisTemplate redis, MeterRegistry meters) {
		this.redis = redis;
		this.dropped = Counter.builder("inventory.counters.dropped")
			.description("counter increments lost because Redis did not answer")
			.register(meters);
	}

	@Override
	public void viewed(Sku sku) {
		try {
			this.redis.opsForHash().increment(KEY, VIEWS + sku.code(), 1);
		}
		catch (RuntimeException ex) {
			this.dropped.increment();
			logger.debug("Dropped a view of {}", sku.code(), ex);
		}
	}

	@Override
	public void pricesLookedUp(Collection<Sku> skus) {
		if (skus.isEmpty()) {
			return;
		}
		List<String> arguments = new ArrayList<>();
		skus.forEach((sku) -> {
			arguments.add(PRICES + sku.code());
			arguments.add("1");
		});
		increment(arguments, skus.size());
	}

	@Override
	public Map<Sku, ProductCounts> drain() {
		List<?> flat = this.redis.execute(DRAIN, List.of(KEY));
		Map<Sku, ProductCounts> counts = new TreeMap<>();
		if (flat == null) {
			return counts;
		}
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			String field = String.valueOf(flat.get(i));
			long value = Long.parseLong(String.valueOf(flat.get(i + 1)));
			if (field.startsWith(VIEWS)) {
				counts.merge(new Sku(field.substring(VIEWS.length())), new ProductCounts(value, 0),
						ProductCounts::plus);
			}
			else if (field.startsWith(PRICES)) {
				counts.merge(new Sku(field.substring(PRICES.length())), new ProductCounts(0, value),
						ProductCounts::plus);
			}
		}
		return counts;
	}

	@Override
	public void restore(Map<Sku, ProductCounts> counts) {
		List<String> arguments = new ArrayList<>();
		counts.forEach((sku, count) -> {
			if (count.views() != 0) {
				arguments.add(VIEWS + sku.code());
				arguments.add(Long.toString(count.views()));
			}
			if (count.priceLookups() != 0) {
				arguments.add(PRICES + sku.code());
				arguments.add(Long.toString(count.priceLookups()));
			}
		});
		if (!arguments.isEmpty()) {
			increment(arguments, counts.size());
		}
	}

	private void increment(List<String> fieldsAndAmounts, int products) {
		try {
			this.redis.execute(INCREMENT, List.of(KEY), fieldsAndAmounts.toArray());
		}
		catch (RuntimeException ex) {
			this.dropped.increment(products);
			logger.debug("Dropped counts of {} products", products, ex);
		}
	}

}
