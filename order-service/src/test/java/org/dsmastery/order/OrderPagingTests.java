package org.dsmastery.order;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsmastery.servicedefaults.web.paging.Cursors;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.Pages;
import org.dsmastery.testsupport.TestIdentity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keyset pagination of the order lists, on real HTTP and PostgreSQL: orders are placed
 * through the API and reach the read side through Kafka; rows that only a lagging
 * projection or one microsecond could produce are written into the read table directly.
 */
class OrderPagingTests extends OrderIntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Rows written here without events: a projection rebuild in another test must not
	 * meet them.
	 */
	private final List<long[]> insertedRows = new ArrayList<>();

	@AfterEach
	void removeRowsWithoutEvents() {
		this.insertedRows.forEach((row) -> this.jdbc
			.update("delete from customer_order where customer_id = ? and order_id = ?", row[0], row[1]));
		this.jdbc.update("delete from sku_sales where sku like 'SKU-PAGE-%'");
	}

	@Test
	void walkingTheHistoryReturnsEveryOrderOnceNewestFirstWhileOrdersArrive() {
		long customer = customer();
		for (int i = 0; i < 23; i++) {
			placeOne(customer);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> historyRows(customer).size() == 23);
		List<Long> before = historyRows(customer);

		List<Long> walked = new ArrayList<>();
		List<Long> arrivedAhead = new ArrayList<>();
		Long lateButBehind = null;
		String url = "/api/orders?customerId=" + customer + "&size=5";
		int pages = 0;
		while (url != null) {
			ResponseEntity<Map<String, Object>> page = get(url);
			assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
			List<Map<String, Object>> items = Pages.items(page);
			assertThat(items).hasSizeLessThanOrEqualTo(5);
			items.forEach((item) -> walked.add(Long.parseLong((String) item.get("orderId"))));
			url = Pages.nextLink(page);
			assertThat(page.getBody().get("next") != null).as("next and Link agree").isEqualTo(url != null);
			if (url != null) {
				assertThat(url).contains("cursor=" + page.getBody().get("next"));
			}
			pages++;
			if (pages == 2) {
				// newer than every key read so far: in front of the cursor, so not part
				// of
				// this walk
				arrivedAhead.add(Long.parseLong(placeOne(customer)));
				// a row the projection writes late with an old placing time: behind the
				// cursor, so this walk meets it exactly once
				lateButBehind = insertHistoryRow(customer, Instant.parse("2020-01-01T00:00:00Z"), 7);
			}
		}

		List<Long> expected = new ArrayList<>(before);
		expected.add(lateButBehind);
		assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
		assertThat(pages).isEqualTo(5);
		await().atMost(Duration.ofSeconds(30)).until(() -> historyRows(customer).containsAll(arrivedAhead));
		assertThat(Pages.items(get("/api/orders?customerId=" + customer + "&size=1")))
			.extracting((item) -> Long.parseLong((String) item.get("orderId")))
			.containsExactlyElementsOf(arrivedAhead);
	}

	@Test
	void ordersPlacedInTheSameMicrosecondArePagedByOrderId() {
		long customer = customer();
		Instant at = Instant.parse("2026-12-01T10:00:00.123456Z");
		List<Long> ids = new ArrayList<>();
		for (long i = 1; i <= 7; i++) {
			ids.add(insertHistoryRow(customer, at, i));
		}

		List<Object> walked = walk("/api/orders?customerId=" + customer + "&size=3", "orderId");

		assertThat(walked).containsExactlyElementsOf(ids.reversed().stream().map(String::valueOf).toList());
	}

	@Test
	void pagesHaveADefaultSizeAndTheLastPageHasNoNext() {
		long customer = customer();
		for (long i = 1; i <= 21; i++) {
			insertHistoryRow(customer, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), i);
		}

		ResponseEntity<Map<String, Object>> first = get("/api/orders?customerId=" + customer);
		ResponseEntity<Map<String, Object>> all = get("/api/orders?customerId=" + customer + "&size=100");
		ResponseEntity<Map<String, Object>> none = get("/api/orders?customerId=" + customer() + "&size=100");

		assertThat(Pages.items(first)).hasSize(20);
		assertThat(Pages.nextLink(first))
			.isEqualTo("/api/orders?customerId=" + customer + "&size=20&cursor=" + first.getBody().get("next"));
		assertThat(Pages.items(all)).hasSize(21);
		assertThat(all.getBody()).containsEntry("next", null);
		assertThat(all.getHeaders().get(HttpHeaders.LINK)).isNull();
		assertThat(none.getBody()).containsOnlyKeys("items", "next").containsEntry("next", null);
		assertThat(Pages.items(none)).isEmpty();
	}

	@Test
	void refusesAPageSizeOutsideOneToOneHundred() {
		long customer = customer();
		for (String size : List.of("0", "-1", "101", "1000", "abc", "99999999999999999999", "")) {
			for (String path : List.of("/api/orders?customerId=" + customer + "&size=" + size,
					"/api/orders/sales-by-sku?size=" + size)) {
				ResponseEntity<Map<String, Object>> response = get(path);

				assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
				assertThat(response.getBody()).as(path)
					.containsEntry("type", "https://dsmastery.org/problems/invalid-page-size")
					.containsEntry("maxSize", 100);
				assertThat(response.getBody().get("errors").toString()).contains("#/size");
			}
		}
		assertThat(get("/api/orders?customerId=" + customer + "&size=100").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/orders?customerId=" + customer + "&size=1").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void refusesACursorThisListDidNotIssue() {
		long customer = customer();
		long other = customer();
		for (long i = 1; i <= 3; i++) {
			insertHistoryRow(customer, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), i);
			insertHistoryRow(other, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), i);
		}
		String cursor = (String) get("/api/orders?customerId=" + customer + "&size=1").getBody().get("next");
		String otherCursor = (String) get("/api/orders?customerId=" + other + "&size=1").getBody().get("next");
		assertThat(get("/api/orders?customerId=" + customer + "&size=1&cursor=" + cursor).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		String key = Long.toString(customer);
		// well-formed cursors (with their checksum) around keys this list must still
		// refuse
		List<String> bad = List.of("not*base64", cursor.substring(0, cursor.length() - 3), cursor + "AAAA", otherCursor,
				Cursors.encode("s1", "SKU-MOUSE"), Cursors.encode("h1", key, "5"), Cursors.encode("h1", key, "-5", "3"),
				Cursors.encode("h1", key, "5", "0"), Cursors.encode("h1", key, "99999999999999999999", "3"),
				Cursors.encode("h1", key, "", "3"), "A".repeat(300), "");

		for (String tampered : bad) {
			ResponseEntity<Map<String, Object>> response = get(
					"/api/orders?customerId=" + customer + "&cursor=" + tampered);

			assertThat(response.getStatusCode()).as(tampered).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).as(tampered)
				.containsEntry("type", "https://dsmastery.org/problems/invalid-cursor");
			assertThat(response.getBody().get("errors").toString()).contains("#/cursor");
		}
		ResponseEntity<Map<String, Object>> historyCursorOnSales = get("/api/orders/sales-by-sku?cursor=" + cursor);
		assertThat(historyCursorOnSales.getBody()).containsEntry("type",
				"https://dsmastery.org/problems/invalid-cursor");
	}

	@Test
	void theHistoryQueryWalksItsIndexWithoutSorting() {
		List<String> plan = this.transactions.execute((status) -> {
			this.jdbc.execute("set local enable_seqscan = off");
			this.jdbc.execute("set local enable_bitmapscan = off");
			return this.jdbc.queryForList("""
					explain select order_id, status, total_cents, currency, placed_at from customer_order
					where customer_id = 42 and (placed_at, order_id) < (now(), 1000)
					order by placed_at desc, order_id desc limit 21""", String.class);
		});

		assertThat(String.join("\n", plan)).contains("Index Scan Backward using customer_order_history")
			.contains("ROW(placed_at, order_id) < ROW(")
			.doesNotContain("Sort");
	}

	@Test
	void pagesTheSalesPerSkuBySku() {
		placeOne(customer());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("select count(*) from sku_sales", Integer.class) > 0);
		for (String sku : List.of("SKU-PAGE-1", "SKU-PAGE-2", "SKU-PAGE-3", "SKU-PAGE-4")) {
			this.jdbc.update(
					"insert into sku_sales (sku, ordered, currency) values (?, 1, 'EUR') on conflict do nothing", sku);
		}
		List<String> skus = this.jdbc.queryForList("select sku from sku_sales order by sku", String.class);

		List<Object> walked = walk("/api/orders/sales-by-sku?size=2", "sku");

		assertThat(walked).containsExactlyElementsOf(skus);
	}

	private List<Object> walk(String firstPage, String key) {
		List<Object> walked = new ArrayList<>();
		String url = firstPage;
		while (url != null) {
			ResponseEntity<Map<String, Object>> page = get(url);
			assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
			Pages.items(page).forEach((item) -> walked.add(item.get(key)));
			url = Pages.nextLink(page);
		}
		assertThat(walked).doesNotHaveDuplicates();
		return walked;
	}

	private long insertHistoryRow(long customer, Instant placedAt, long orderId) {
		this.jdbc.update("""
				insert into customer_order (customer_id, order_id, status, total_cents, currency, placed_at)
				values (?, ?, 'PENDING', 100, 'EUR', ?)""", customer, orderId, Timestamp.from(placedAt));
		this.insertedRows.add(new long[] { customer, orderId });
		return orderId;
	}

	private List<Long> historyRows(long customer) {
		return this.jdbc.queryForList(
				"select order_id from customer_order where customer_id = ? order by placed_at desc, order_id desc",
				Long.class, customer);
	}

	private String placeOne(long customer) {
		ResponseEntity<Map<String, Object>> response = client().post()
			.uri("/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) response.getBody().get("orderId");
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return client().get().uri(path).retrieve().toEntity(JSON_OBJECT);
	}

	private RestClient client() {
		return LocalHttp.client(this.port, TestIdentity.shared().admin());
	}

	private static long customer() {
		return 1 + (long) (Math.random() * 1_000_000_000L);
	}

}
