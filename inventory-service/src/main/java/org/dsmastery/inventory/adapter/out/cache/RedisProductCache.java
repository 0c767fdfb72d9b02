package org.dsmastery.inventory.adapter.out.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.inventory.application.CacheUnavailableException;
import org.dsmastery.inventory.application.ProductCache;
import org.dsmastery.inventory.domain.Price;
import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.Sku;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Products in Redis as JSON under {@code inventory:product:<SKU>}, each with a TTL. A
 * read-through fill uses {@code SET NX}, a write-through plain {@code SET}: a fill that
 * read the database before a change committed never overwrites the changed entry. Hits,
 * misses and errors are counted in {@code inventory.cache.requests}.
 */
public class RedisProductCache implements ProductCache {

	static final String PREFIX = "inventory:product:";

	private static final Logger logger = LoggerFactory.getLogger(RedisProductCache.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StringRedisTemplate redis;

	private final Duration ttl;

	private final Counter hits;

	private final Counter misses;

	private final Counter errors;

	public RedisProductCache(StringRedisTemplate redis, Duration ttl, MeterRegistry meters) {
		this.redis = redis;
		this.ttl = ttl;
		this.hits = requests(meters, "hit");
		this.misses = requests(meters, "miss");
		this.errors = requests(meters, "error");
	}

	private static Counter requests(MeterRegistry meters, String result) {
		return Counter.builder("inventory.cache.requests")
			.description("product cache look-ups by result")
			.tag("cache", "products")
			.tag("result", result)
			.register(meters);
	}

	@Override
	public Optional<Product> get(Sku sku) {
		return Optional.ofNullable(getAll(List.of(sku)).get(sku));
	}

	@Override
	public Map<Sku, Product> getAll(Collection<Sku> skus) {
		List<Sku> wanted = List.copyOf(skus);
		Map<Sku, Product> found = new LinkedHashMap<>();
		List<String> values;
		try {
			values = this.redis.opsForValue().multiGet(wanted.stream().map(RedisProductCache::key).toList());
		}
		catch (RuntimeException ex) {
			this.errors.increment(wanted.size());
			logger.debug("Product cache unreachable; reading the database", ex);
			return found;
		}
		for (int i = 0; i < wanted.size(); i++) {
			String json = (values != null) ? values.get(i) : null;
			if (json != null) {
				found.put(wanted.get(i), JSON.readValue(json, CachedProduct.class).toProduct());
			}
		}
		this.hits.increment(found.size());
		this.misses.increment(wanted.size() - found.size());
		return found;
	}

	@Override
	public void fill(Collection<Product> products) {
		try {
			for (Product product : products) {
				this.redis.opsForValue().setIfAbsent(key(product.sku()), json(product), this.ttl);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not fill the product cache", ex);
		}
	}

	@Override
	public void put(Product product) {
		try {
			this.redis.opsForValue().set(key(product.sku()), json(product), this.ttl);
		}
		catch (RuntimeException ex) {
			throw new CacheUnavailableException("could not write " + product.sku().code() + " to the product cache",
					ex);
		}
	}

	@Override
	public void evict(Sku sku) {
		try {
			this.redis.delete(key(sku));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not evict {} from the product cache; it expires within {}", sku.code(), this.ttl, ex);
		}
	}

	static String key(Sku sku) {
		return PREFIX + sku.code();
	}

	private static String json(Product product) {
		return JSON.writeValueAsString(new CachedProduct(product.sku().code(), product.name(), product.price().cents(),
				product.price().currency()));
	}

	record CachedProduct(String sku, String name, long priceCents, String currency) {

		Product toProduct() {
			return new Product(new Sku(this.sku), this.name, new Price(this.priceCents, this.currency));
		}

	}

}
