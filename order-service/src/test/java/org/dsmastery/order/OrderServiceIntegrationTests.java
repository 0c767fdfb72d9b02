package org.dsmastery.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.application.OrderEventPublisher;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderEventStore;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderVersionConflictException;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * order-service end to end inside one JVM: real HTTP, real PostgreSQL and Kafka; only
 * id-generator and inventory are stand-ins.
 */
class OrderServiceIntegrationTests extends OrderIntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	OrderEventStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	OrderEventPublisher publisher;

	@Test
	void placesAnOrderAtInventoryPricesAndPublishesOrderPlaced() throws Exception {
		long customer = customer();

		ResponseEntity<Map<String, Object>> response = place(UUID.randomUUID().toString(),
				"{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"SKU-KEYBOARD\",\"quantity\":2},"
						+ "{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"sagaStyle\":\"choreographed\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String orderId = (String) response.getBody().get("orderId");
		assertThat(response.getHeaders().getLocation()).hasToString("/api/orders/" + orderId);
		assertThat(response.getBody()).containsEntry("status", "PENDING")
			.containsEntry("totalCents", 12498)
			.containsEntry("sagaStyle", "choreographed");

		ConsumerRecord<String, String> record = consumeEvent(orderId, "OrderPlaced");
		OrderPlaced placed = JSON.readValue(record.value(), OrderPlaced.class);
		assertThat(placed.orderId()).isEqualTo(Long.parseLong(orderId));
		assertThat(placed.totalCents()).isEqualTo(12498);
		assertThat(IncomingMessages.header(record, MessageHeaders.CORRELATION_ID)).isEqualTo(orderId);
		assertThat(IncomingMessages.header(record, MessageHeaders.VERSION)).isEqualTo("1");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history(customer)).hasSize(1));
		assertThat(get("/api/orders/" + orderId).getBody()).containsEntry("status", "PENDING")
			.containsEntry("version", 1);
		List<Map<String, Object>> events = client().get()
			.uri("/api/orders/{id}/events", orderId)
			.retrieve()
			.body(JSON_ARRAY);
		assertThat(events).singleElement().satisfies((event) -> assertThat(event).containsEntry("type", "OrderPlaced"));
	}

	@Test
	void aRepeatedRequestWithTheSameKeyNeverCreatesASecondOrder() throws Exception {
		long customer = customer();
		String key = UUID.randomUUID().toString();
		String body = "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"SKU-SCREEN\",\"quantity\":1}]}";

		List<ResponseEntity<Map<String, Object>>> responses = new ArrayList<>();
		responses.add(place(key, body));
		try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<ResponseEntity<Map<String, Object>>>> futures = IntStream.range(0, 20)
				.mapToObj((i) -> clients.submit(() -> {
					go.await();
					return place(key, body);
				}))
				.toList();
			go.countDown();
			for (Future<ResponseEntity<Map<String, Object>>> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
		}
		String concurrentKey = UUID.randomUUID().toString();
		try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<ResponseEntity<Map<String, Object>>>> futures = IntStream.range(0, 20)
				.mapToObj((i) -> clients.submit(() -> {
					go.await();
					return place(concurrentKey, body);
				}))
				.toList();
			go.countDown();
			for (Future<ResponseEntity<Map<String, Object>>> future : futures) {
				assertThat(future.get(30, TimeUnit.SECONDS).getStatusCode()).isIn(HttpStatus.ACCEPTED,
						HttpStatus.CONFLICT);
			}
		}

		assertThat(responses).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.ACCEPTED);
		assertThat(responses).extracting((r) -> r.getBody().get("orderId"))
			.containsOnly(responses.getFirst().getBody().get("orderId"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from order_event where type = 'OrderPlaced' and (payload -> 'customerId' ->> 'value')::bigint = ?",
				Integer.class, customer))
			.as("one order per key: two keys, two orders")
			.isEqualTo(2);
	}

	@Test
	void rejectsBadInputWithFieldErrorsAndWritesNothing() {
		int eventsBefore = eventCount();
		Map<String, String> cases = Map.of(
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"coupon\":\"FREE\"}", "",
				"{\"customerId\":\"1\",\"lines\":[]}", "#/lines",
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":0}]}", "#/lines/0/quantity",
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":-4}]}", "#/lines/0/quantity",
				"{\"customerId\":\"abc\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}", "#/customerId",
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"mouse!\",\"quantity\":1}]}", "#/lines/0/sku",
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1},{\"sku\":\"SKU-MOUSE\",\"quantity\":2}]}",
				"#/lines",
				"{\"customerId\":\"1\",\"lines\":[" + IntStream.range(0, 51)
					.mapToObj((i) -> "{\"sku\":\"SKU-" + i + "\",\"quantity\":1}")
					.collect(Collectors.joining(",")) + "]}",
				"#/lines",
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"sagaStyle\":\"magic\"}",
				"#/sagaStyle", "not json", "");
		cases.forEach((body, pointer) -> {
			ResponseEntity<Map<String, Object>> response = place(UUID.randomUUID().toString(), body);

			assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
			if (!pointer.isEmpty()) {
				assertThat(response.getBody().get("errors").toString()).as(body).contains(pointer);
			}
		});
		for (String path : List.of("/api/orders/abc", "/api/orders/-1", "/api/orders?customerId=x")) {
			assertThat(get(path).getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
		}
		assertThat(get("/api/orders/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(eventCount()).isEqualTo(eventsBefore);
	}

	@Test
	void boundsTheLengthOfEveryStringItStoresAndNamesTheField() {
		int eventsBefore = eventCount();
		Map<String, String> cases = Map.of(
				"{\"customerId\":\"1234567890123456789\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}",
				"#/customerId",
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-" + "M".repeat(61) + "\",\"quantity\":1}]}",
				"#/lines/0/sku", "{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],"
						+ "\"sagaStyle\":\"" + "o".repeat(10_000) + "\"}",
				"#/sagaStyle");
		cases.forEach((body, pointer) -> {
			ResponseEntity<Map<String, Object>> response = place(UUID.randomUUID().toString(), body);

			assertInvalid(response, pointer);
			assertThat(errors(response)).as(pointer)
				.anySatisfy((error) -> assertThat(error).containsEntry("pointer", pointer)
					.hasEntrySatisfying("detail",
							(detail) -> assertThat(detail).asString().startsWith("size must be")));
		});
		String orderId = placeOne(customer());
		ResponseEntity<Map<String, Object>> longReason = client().post()
			.uri("/api/orders/{id}/cancel", orderId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"" + "r".repeat(501) + "\"}")
			.retrieve()
			.toEntity(JSON_OBJECT);

		assertInvalid(longReason, "#/reason");
		assertThat(this.jdbc.queryForObject("select count(*) from order_event", Integer.class))
			.as("only the one order placed here")
			.isEqualTo(eventsBefore + 1);
	}

	// an over-long string is bad input like any other: 400 invalid-request (ADR 0017)
	private static void assertInvalid(ResponseEntity<Map<String, Object>> response, String pointer) {
		assertThat(response.getStatusCode()).as(pointer).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
		assertThat(errors(response)).as(pointer).extracting((error) -> error.get("pointer")).contains(pointer);
	}

	@Test
	void answersUnknownSkusWith422AndAnOutageWith503() {
		int eventsBefore = eventCount();

		ResponseEntity<Map<String, Object>> unknown = place(UUID.randomUUID().toString(),
				"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-UNICORN\",\"quantity\":1}]}");
		StubDependencies.inventoryDown.set(true);
		ResponseEntity<Map<String, Object>> down;
		try {
			down = place(UUID.randomUUID().toString(),
					"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}]}");
		}
		finally {
			StubDependencies.inventoryDown.set(false);
		}

		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(unknown.getBody()).containsEntry("skus", List.of("SKU-UNICORN"));
		assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(down.getBody()).containsEntry("type", "https://dsmastery.org/problems/dependency-unavailable");
		assertThat(eventCount()).isEqualTo(eventsBefore);
	}

	@Test
	void appliesADuplicatedCommandOnce() throws Exception {
		String orderId = placeOne(customer());
		String messageId = UUID.randomUUID().toString();

		for (int delivery = 0; delivery < 2; delivery++) {
			ProducerRecord<String, String> command = new ProducerRecord<>(OrderTopics.COMMANDS, orderId,
					"{\"orderId\":\"" + orderId + "\"}");
			command.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
			command.headers().add(MessageHeaders.TYPE, "ApproveOrder".getBytes(StandardCharsets.UTF_8));
			this.kafka.send(command).get(10, TimeUnit.SECONDS);
		}

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(get("/api/orders/" + orderId).getBody()).containsEntry("status", "APPROVED"));
		ConsumerRecord<String, String> approved = consumeEvent(orderId, "OrderApproved");
		assertThat(IncomingMessages.header(approved, MessageHeaders.CAUSATION_ID)).isEqualTo(messageId);
		assertThat(this.jdbc.queryForObject("select count(*) from order_event where order_id = ?", Integer.class,
				Long.parseLong(orderId)))
			.isEqualTo(2);
	}

	@Test
	void cancelsAPendingOrderButNotADecidedOne() {
		String orderId = placeOne(customer());

		ResponseEntity<Map<String, Object>> cancelled = client().post()
			.uri("/api/orders/{id}/cancel", orderId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"ordered twice\"}")
			.retrieve()
			.toEntity(JSON_OBJECT);
		ResponseEntity<Map<String, Object>> again = client().post()
			.uri("/api/orders/{id}/cancel", orderId)
			.retrieve()
			.toEntity(JSON_OBJECT);

		assertThat(cancelled.getBody()).containsEntry("status", "CANCELLED");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).containsEntry("version", 2);
	}

	@Test
	void twoWritersAtTheSameVersionGetAConflictNeverALostEvent() {
		String orderId = placeOne(customer());
		OrderId id = new OrderId(Long.parseLong(orderId));

		List<OrderEvent> approved = List.of(new OrderEvent.OrderApproved(id, Instant.now()));
		this.transactions.executeWithoutResult((status) -> {
			this.store.append(id, 1, approved);
			this.publisher.publish(id, 2, approved, null);
		});

		assertThatExceptionOfType(OrderVersionConflictException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.store.append(id, 1,
					List.of(new OrderEvent.OrderRejected(id, "too late", Instant.now())))));
		assertThat(this.store.load(id)).hasSize(2).last().isInstanceOf(OrderEvent.OrderApproved.class);
	}

	@Test
	void rebuildingTheProjectionsYieldsTheSameTables() {
		long customer = customer();
		List<String> orders = IntStream.range(0, 5).mapToObj((i) -> placeOne(customer)).toList();
		sendCommand(orders.get(0), "ApproveOrder", "{\"orderId\":\"" + orders.get(0) + "\"}");
		sendCommand(orders.get(1), "RejectOrder", "{\"orderId\":\"" + orders.get(1) + "\",\"reason\":\"no stock\"}");
		client().post().uri("/api/orders/{id}/cancel", orders.get(2)).retrieve().toBodilessEntity();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.jdbc.queryForObject("select count(*) from outbox_message", Integer.class)).isZero();
			assertThat(this.jdbc.queryForObject("select sum(version) from order_view", Integer.class))
				.isEqualTo(this.jdbc.queryForObject("select count(*) from order_event", Integer.class));
		});
		Map<String, List<Map<String, Object>>> live = snapshot();

		ResponseEntity<Map<String, Object>> rebuilt = client().post()
			.uri("/api/admin/order-projections/rebuild")
			.retrieve()
			.toEntity(JSON_OBJECT);

		assertThat(rebuilt.getBody().get("replayedEvents")).isEqualTo(eventCount());
		assertThat(snapshot()).isEqualTo(live);
		assertThat(history(customer)).extracting((entry) -> entry.get("status"))
			.containsExactlyInAnyOrder("APPROVED", "REJECTED", "CANCELLED", "PENDING", "PENDING");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> problem) {
		return (List<Map<String, Object>>) problem.getBody().get("errors");
	}

	private Map<String, List<Map<String, Object>>> snapshot() {
		return Map.of("order_view", this.jdbc.queryForList("select * from order_view order by order_id"),
				"customer_order", this.jdbc.queryForList("select * from customer_order order by order_id"), "sku_sales",
				this.jdbc.queryForList("select * from sku_sales order by sku"));
	}

	private void sendCommand(String orderId, String type, String payload) {
		ProducerRecord<String, String> command = new ProducerRecord<>(OrderTopics.COMMANDS, orderId, payload);
		command.headers().add(MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		command.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(command).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String placeOne(long customer) {
		ResponseEntity<Map<String, Object>> response = place(UUID.randomUUID().toString(),
				"{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":3}]}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) response.getBody().get("orderId");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> history(long customer) {
		Map<String, Object> page = client().get()
			.uri("/api/orders?customerId={c}&size=100", customer)
			.retrieve()
			.body(JSON_OBJECT);
		assertThat(page).containsEntry("next", null);
		return (List<Map<String, Object>>) page.get("items");
	}

	private int eventCount() {
		return this.jdbc.queryForObject("select count(*) from order_event", Integer.class);
	}

	private ConsumerRecord<String, String> consumeEvent(String orderId, String type) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(OrderTopics.EVENTS));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (orderId.equals(record.key()) && type.equals(IncomingMessages.type(record))) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("no " + type + " for order " + orderId + " on " + OrderTopics.EVENTS);
	}

	private ResponseEntity<Map<String, Object>> place(String key, String body) {
		return client().post()
			.uri("/api/orders")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON_OBJECT);
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
