package org.dsmastery.inventory;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.inventory.application.CounterFlush;
import org.dsmastery.inventory.application.ProductCounts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product cache in Redis (write-through on change, read-through on a miss, with a
 * TTL), stock never cached, and the write-back counters reaching PostgreSQL.
 */
class ProductCacheTests extends InventoryIntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CounterFlush counters;

	@Test
	void aChangeIsInTheCacheTheMomentItIsWritten() {
		Sku sku = newProduct("SKU-WT", 0);
		assertThat(product(sku)).containsEntry("priceCents", 1000);

		put(sku, "{\"name\":\"Renamed\",\"priceCents\":1234,\"currency\":\"EUR\"}");

		assertThat(this.redis.opsForValue().get(key(sku))).contains("\"priceCents\":1234").contains("Renamed");
		assertThat(this.redis.getExpire(key(sku))).isPositive();
		assertThat(product(sku)).containsEntry("priceCents", 1234).containsEntry("name", "Renamed");
		assertThat(client().get().uri("/api/products/prices?sku={sku}", sku.code()).retrieve().body(JSON)).isEqualTo(
				Map.of("prices", java.util.List.of(Map.of("sku", sku.code(), "priceCents", 1234, "currency", "EUR"))));
	}

	@Test
	void aReadAfterTheKeyIsGoneFillsItAgain() {
		Sku sku = newProduct("SKU-RT", 0);
		this.redis.delete(key(sku));
		double missesBefore = requests("miss");
		double hitsBefore = requests("hit");

		assertThat(product(sku)).containsEntry("name", "Test product " + sku.code());

		assertThat(this.redis.opsForValue().get(key(sku))).contains(sku.code());
		assertThat(this.redis.getExpire(key(sku))).isPositive();
		assertThat(requests("miss")).isEqualTo(missesBefore + 1);

		product(sku);
		assertThat(requests("hit")).isEqualTo(hitsBefore + 1);
	}

	@Test
	void stockIsNeverServedFromTheCache() {
		Sku sku = newProduct("SKU-NOCACHE", 5);
		product(sku);
		long order = newOrderId();
		String reserve = send(InventoryTopics.COMMANDS, order, "ReserveStock",
				"{\"orderId\":\"" + order + "\",\"lines\":[{\"sku\":\"" + sku.code() + "\",\"quantity\":2}]}",
				UUID.randomUUID().toString(), null);
		awaitEvent(order, "StockReserved", reserve);

		assertThat(product(sku).get("stock")).isEqualTo(Map.of("initial", 5, "available", 3, "reserved", 2, "sold", 0));
	}

	@Test
	void countersReachPostgresAtTheNextFlush() {
		Sku sku = newProduct("SKU-COUNT", 0);
		for (int i = 0; i < 3; i++) {
			product(sku);
		}
		for (int i = 0; i < 2; i++) {
			client().get().uri("/api/products/prices?sku={sku}&sku=SKU-MOUSE", sku.code()).retrieve().body(JSON);
		}

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.counters.totals(sku)).isEqualTo(new ProductCounts(3, 2)));
		assertThat(this.redis.opsForHash().hasKey("inventory:counters", "views:" + sku.code())).isFalse();
	}

	private double requests(String result) {
		return this.meters.get("inventory.cache.requests").tag("result", result).counter().count();
	}

	private Map<String, Object> product(Sku sku) {
		return client().get().uri("/api/products/{sku}", sku.code()).retrieve().body(JSON);
	}

	private void put(Sku sku, String body) {
		client().put()
			.uri("/api/admin/products/{sku}", sku.code())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
	}

	private static String key(Sku sku) {
		return "inventory:product:" + sku.code();
	}

}
