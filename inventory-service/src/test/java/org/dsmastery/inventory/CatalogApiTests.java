package org.dsmastery.inventory;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@InventoryServiceTest
class CatalogApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Value("${local.server.port}")
	int port;

	@Test
	void quotesPricesOfKnownSkusAndLeavesUnknownOnesOut() {
		Map<String, Object> body = client().get()
			.uri("/api/products/prices?sku=SKU-MOUSE&sku=SKU-KEYBOARD&sku=SKU-UNICORN")
			.retrieve()
			.body(JSON);

		assertThat(body.get("prices")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder(Map.of("sku", "SKU-KEYBOARD", "priceCents", 4999, "currency", "EUR"),
					Map.of("sku", "SKU-MOUSE", "priceCents", 2500, "currency", "EUR"));
	}

	@Test
	void showsAProductWithItsStock() {
		Map<String, Object> screen = client().get().uri("/api/products/SKU-SCREEN").retrieve().body(JSON);

		assertThat(screen).containsEntry("name", "27\" screen").containsEntry("priceCents", 19900);
		assertThat(screen.get("stock")).isEqualTo(Map.of("initial", 50, "available", 50, "reserved", 0, "sold", 0));
	}

	@Test
	void createsChangesAndRestocksAProduct() {
		ResponseEntity<Map<String, Object>> created = put("/api/admin/products/SKU-LAMP",
				"{\"name\":\"Desk lamp\",\"priceCents\":3500,\"currency\":\"EUR\"}");
		ResponseEntity<Map<String, Object>> changed = put("/api/admin/products/SKU-LAMP",
				"{\"name\":\"Desk lamp\",\"priceCents\":3900,\"currency\":\"EUR\"}");
		Map<String, Object> restocked = client().post()
			.uri("/api/admin/products/SKU-LAMP/restock")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"quantity\":25}")
			.retrieve()
			.body(JSON);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody()).containsEntry("priceCents", 3900);
		assertThat(restocked).isEqualTo(Map.of("initial", 25, "available", 25, "reserved", 0, "sold", 0));
	}

	@Test
	void answersBadInputAndUnknownProductsWithProblems() {
		List<String> badRequests = List.of("/api/products/prices", "/api/products/prices?sku=bad%20sku",
				"/api/products/not-a-sku");
		for (String path : badRequests) {
			ResponseEntity<Map<String, Object>> response = client().get().uri(path).retrieve().toEntity(JSON);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
		}
		ResponseEntity<Map<String, Object>> badProduct = put("/api/admin/products/SKU-X",
				"{\"name\":\"\",\"priceCents\":-1,\"currency\":\"euro\"}");
		assertThat(badProduct.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badProduct.getBody().get("errors").toString()).contains("#/name", "#/priceCents", "#/currency");
		ResponseEntity<Map<String, Object>> missing = client().get()
			.uri("/api/products/SKU-NONE")
			.retrieve()
			.toEntity(JSON);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private ResponseEntity<Map<String, Object>> put(String path, String body) {
		return client().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JSON);
	}

	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
