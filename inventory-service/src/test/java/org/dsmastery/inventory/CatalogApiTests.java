package org.dsmastery.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dsmastery.servicedefaults.web.paging.Cursors;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.Pages;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@InventoryServiceTest
class CatalogApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

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

	@Test
	void walkingTheCatalogueReturnsEveryProductOnceBySkuWhileProductsArrive() {
		List<String> before = this.jdbc.queryForList("select sku from product order by sku", String.class);
		assertThat(before).hasSizeGreaterThan(4);
		String suffix = Long.toString(System.nanoTime());

		List<String> walked = new ArrayList<>();
		String behind = null;
		String ahead = null;
		String url = "/api/products?size=2";
		int pages = 0;
		while (url != null) {
			ResponseEntity<Map<String, Object>> page = client().get().uri(url).retrieve().toEntity(JSON);
			assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
			List<Map<String, Object>> items = Pages.items(page);
			assertThat(items).hasSizeLessThanOrEqualTo(2);
			items.forEach((item) -> walked.add((String) item.get("sku")));
			url = Pages.nextLink(page);
			assertThat(page.getBody().get("next") != null).as("next and Link agree").isEqualTo(url != null);
			if (++pages == 2) {
				String last = walked.getLast();
				behind = "0-" + suffix;
				ahead = "ZZ-" + suffix;
				assertThat(this.jdbc.queryForObject("select ?::text < ? and ?::text > ?", Boolean.class, behind, last,
						ahead, last))
					.as("one new product sorts behind the cursor, one ahead of it")
					.isTrue();
				assertThat(put("/api/admin/products/" + behind,
						"{\"name\":\"Behind\",\"priceCents\":1,\"currency\":\"EUR\"}")
					.getStatusCode()).isEqualTo(HttpStatus.CREATED);
				assertThat(put("/api/admin/products/" + ahead,
						"{\"name\":\"Ahead\",\"priceCents\":1,\"currency\":\"EUR\"}")
					.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			}
		}

		// everything there now but the product that arrived behind the cursor
		List<String> expected = this.jdbc.queryForList("select sku from product where sku <> ? order by sku",
				String.class, behind);
		assertThat(expected).containsAll(before).contains(ahead).hasSize(before.size() + 1);
		assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
		assertThat(pages).isEqualTo((expected.size() + 1) / 2);
	}

	@Test
	void aPageHasADefaultAndAMaximumSize() {
		ResponseEntity<Map<String, Object>> first = client().get().uri("/api/products").retrieve().toEntity(JSON);
		ResponseEntity<Map<String, Object>> one = client().get().uri("/api/products?size=1").retrieve().toEntity(JSON);
		ResponseEntity<Map<String, Object>> all = client().get()
			.uri("/api/products?size=100")
			.retrieve()
			.toEntity(JSON);
		int products = this.jdbc.queryForObject("select count(*) from product", Integer.class);

		assertThat(Pages.items(first)).hasSize(Math.min(20, products));
		assertThat(Pages.items(one)).hasSize(1);
		assertThat(Pages.nextLink(one)).isEqualTo("/api/products?size=1&cursor=" + one.getBody().get("next"));
		assertThat(Pages.items(all)).hasSize(Math.min(100, products));
		assertThat(Pages.items(all).getFirst()).containsKeys("sku", "name", "priceCents", "currency");
		for (String size : List.of("0", "-3", "101", "many", "")) {
			ResponseEntity<Map<String, Object>> refused = client().get()
				.uri("/api/products?size=" + size)
				.retrieve()
				.toEntity(JSON);
			assertThat(refused.getStatusCode()).as(size).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-page-size")
				.containsEntry("maxSize", 100);
		}
	}

	@Test
	void refusesACursorTheCatalogueDidNotIssue() {
		String cursor = (String) client().get().uri("/api/products?size=1").retrieve().body(JSON).get("next");
		// the last three are well-formed (with their checksum) around keys the catalogue
		// must still refuse
		List<String> bad = List.of("%%%", cursor.substring(0, cursor.length() - 2), cursor + "A",
				Cursors.encode("h1", "42", "5", "3"), Cursors.encode("c1", "not a sku"),
				Cursors.encode("c1", "SKU-A", "SKU-B"), "B".repeat(201));

		for (String tampered : bad) {
			ResponseEntity<Map<String, Object>> response = client().get()
				.uri("/api/products?cursor={c}", tampered)
				.retrieve()
				.toEntity(JSON);

			assertThat(response.getStatusCode()).as(tampered).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).as(tampered)
				.containsEntry("type", "https://dsmastery.org/problems/invalid-cursor");
		}
	}

	@Test
	void boundsTheLengthOfEveryStringItStoresOrUsesAsAKey() {
		String longSku = "SKU-" + "A".repeat(61);
		ResponseEntity<Map<String, Object>> longPath = client().get()
			.uri("/api/products/" + longSku)
			.retrieve()
			.toEntity(JSON);
		ResponseEntity<Map<String, Object>> longLookup = client().get()
			.uri("/api/products/prices?sku=SKU-MOUSE&sku=" + longSku)
			.retrieve()
			.toEntity(JSON);
		ResponseEntity<Map<String, Object>> longPut = put("/api/admin/products/" + longSku,
				"{\"name\":\"Lamp\",\"priceCents\":1,\"currency\":\"EUR\"}");
		ResponseEntity<Map<String, Object>> longFields = put("/api/admin/products/SKU-LONG-NAME",
				"{\"name\":\"" + "n".repeat(201) + "\",\"priceCents\":1,\"currency\":\"EUROS\"}");

		for (ResponseEntity<Map<String, Object>> response : List.of(longPath, longLookup, longPut)) {
			assertInvalid(response, "#/sku");
			assertThat(response.getBody().get("detail") + " " + response.getBody().get("errors"))
				.doesNotContain(longSku);
		}
		assertInvalid(longFields, "#/name");
		assertInvalid(longFields, "#/currency");
		assertThat(this.jdbc.queryForObject("select count(*) from product where sku in (?, 'SKU-LONG-NAME')",
				Integer.class, longSku))
			.isZero();
	}

	// an over-long string is bad input like any other: 400 invalid-request (ADR 0017)
	@SuppressWarnings("unchecked")
	private static void assertInvalid(ResponseEntity<Map<String, Object>> response, String pointer) {
		assertThat(response.getStatusCode()).as(pointer).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
		assertThat((List<Map<String, Object>>) response.getBody().get("errors")).as(pointer)
			.anySatisfy((error) -> assertThat(error).containsEntry("pointer", pointer)
				.hasEntrySatisfying("detail", (detail) -> assertThat(detail).asString().startsWith("size must be")));
	}

	private ResponseEntity<Map<String, Object>> put(String path, String body) {
		return client().put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JSON);
	}

	private RestClient client() {
		return LocalHttp.client(this.port, TestIdentity.shared().admin());
	}

}
