package org.dsmastery.saga;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dsmastery.devstack.Infra;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.testsupport.RecordedObservations;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator against real PostgreSQL and Kafka, with the test playing every
 * participant: it publishes the replies and reads the commands the saga sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms", "shop.saga.step-timeout=2s",
				"shop.saga.give-up-after=5s", "shop.saga.deadline-check-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "sagas")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SagaOrchestratorIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	@Value("${local.server.port}")
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	RecordedObservations steps;

	private final List<ConsumerRecord<String, String>> commands = new CopyOnWriteArrayList<>();

	private volatile boolean listening = true;

	private Thread commandReader;

	@BeforeAll
	void readCommands() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "saga-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.commandReader = Thread.ofPlatform().name("command-reader").start(() -> {
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
					new StringDeserializer())) {
				consumer.subscribe(List.of(InventoryTopics.COMMANDS, PaymentTopics.COMMANDS, OrderTopics.COMMANDS));
				while (this.listening) {
					consumer.poll(Duration.ofMillis(100)).forEach(this.commands::add);
				}
			}
		});
	}

	@AfterAll
	void stopReading() throws InterruptedException {
		this.listening = false;
		this.commandReader.join(5000);
	}

	@Test
	void happyPathSendsEachStepsCommandAndEndsApproved() {
		String order = placeOrder("orchestrated");

		ConsumerRecord<String, String> reserve = awaitCommand(order, "ReserveStock");
		assertThat(reserve.topic()).isEqualTo(InventoryTopics.COMMANDS);
		assertThat(IncomingMessages.header(reserve, MessageHeaders.SAGA_ID)).isEqualTo(order);
		assertThat(reserve.value()).contains("\"sku\":\"SKU-MOUSE\"", "\"quantity\":2");

		reply(InventoryTopics.EVENTS, order, "StockReserved", stockReserved(order));
		ConsumerRecord<String, String> authorize = awaitCommand(order, "AuthorizePayment");
		assertThat(authorize.topic()).isEqualTo(PaymentTopics.COMMANDS);
		assertThat(authorize.value()).contains("\"customerId\":\"42\"", "\"amountCents\":5000");

		reply(PaymentTopics.EVENTS, order, "PaymentAuthorized", "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"42\",\"amountCents\":5000,\"currency\":\"EUR\",\"authorizationId\":\"a-1\","
				+ "\"authorizedAt\":\"2026-11-25T12:00:01Z\"}");
		awaitCommand(order, "ApproveOrder");
		reply(OrderTopics.EVENTS, order, "OrderApproved",
				"{\"orderId\":\"" + order + "\",\"approvedAt\":\"2026-11-25T12:00:02Z\"}");

		Map<String, Object> saga = awaitState(order, "APPROVED");
		assertThat(saga).containsEntry("sagaId", order).doesNotContainKey("deadline");
		assertThat(historyTypes(saga)).containsExactly("RECEIVED OrderPlaced", "SENT ReserveStock",
				"RECEIVED StockReserved", "SENT AuthorizePayment", "RECEIVED PaymentAuthorized", "SENT ApproveOrder",
				"RECEIVED OrderApproved");
	}

	@Test
	void declinedPaymentReleasesStockThenRejectsTheOrder() {
		String order = placeOrder("orchestrated");
		reserveStock(order);
		awaitCommand(order, "AuthorizePayment");

		reply(PaymentTopics.EVENTS, order, "PaymentDeclined", "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"42\",\"reason\":\"insufficient-credit\",\"declinedAt\":\"2026-11-25T12:00:01Z\"}");
		assertThat(awaitCommand(order, "ReleaseStock").value()).contains("payment declined: insufficient-credit");
		reply(InventoryTopics.EVENTS, order, "StockReleased", "{\"orderId\":\"" + order
				+ "\",\"releasedUnits\":2,\"reason\":\"payment declined\",\"releasedAt\":\"2026-11-25T12:00:02Z\"}");
		assertThat(awaitCommand(order, "RejectOrder").value()).contains("payment declined: insufficient-credit");
		reply(OrderTopics.EVENTS, order, "OrderRejected", "{\"orderId\":\"" + order
				+ "\",\"reason\":\"payment declined: insufficient-credit\",\"rejectedAt\":\"2026-11-25T12:00:03Z\"}");

		assertThat(awaitState(order, "REJECTED")).containsEntry("reason", "payment declined: insufficient-credit");
	}

	@Test
	void aSilentPaymentStepTimesOutAndIsCompensated() {
		String order = placeOrder("orchestrated");
		reserveStock(order);
		awaitCommand(order, "AuthorizePayment");

		double timeouts = this.meters.get("saga.step.timeouts").counter().count();
		double compensations = count("saga.compensations", "style", "orchestrated", "reason", "timeout");
		// payment never answers: the saga asks again every 2 s, gives up after 5 s,
		// voids,
		// then releases
		assertThat(awaitCommand(order, "VoidPayment").value()).contains("step timed out: AUTHORIZING_PAYMENT");
		assertThat(commandsOf(order, "AuthorizePayment")).hasSizeGreaterThanOrEqualTo(2);
		reply(PaymentTopics.EVENTS, order, "PaymentVoided", "{\"orderId\":\"" + order
				+ "\",\"amountCents\":0,\"reason\":\"timed out\",\"voidedAt\":\"2026-11-25T12:00:05Z\"}");
		awaitCommand(order, "ReleaseStock");

		Map<String, Object> saga = awaitState(order, "RELEASING_STOCK");
		assertThat(historyTypes(saga)).contains("TIMEOUT DeadlinePassed");
		List<String> steps = stepsOf(order);
		assertThat(steps).startsWith("start started reserving-stock", "reserving-stock advanced authorizing-payment")
			.contains("authorizing-payment resent authorizing-payment", "authorizing-payment timed-out voiding-payment",
					"voiding-payment advanced releasing-stock");
		long deadlines = this.steps.with("saga.id", order)
			.stream()
			.filter((step) -> "DeadlinePassed".equals(RecordedObservations.value(step, "saga.input")))
			.count();
		// other tests' sagas may time out meanwhile too: at least this saga's
		assertThat(this.meters.get("saga.step.timeouts").counter().count() - timeouts)
			.isGreaterThanOrEqualTo(deadlines);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					count("saga.compensations", "style", "orchestrated", "reason", "timeout") - compensations)
				.as("void and release, each undoing a step")
				.isGreaterThanOrEqualTo(2));
	}

	@Test
	void eachStepIsObservedWithItsSagaAndTheDeclineIsCountedAsACompensation() {
		double compensations = count("saga.compensations", "style", "orchestrated", "reason", "insufficient-credit");
		long rejected = timerCount("saga.duration", "style", "orchestrated", "outcome", "rejected");
		long declines = timerCount("saga.step", "step", "authorizing-payment", "outcome", "compensating");

		String order = placeOrder("orchestrated");
		reserveStock(order);
		awaitCommand(order, "AuthorizePayment");
		reply(PaymentTopics.EVENTS, order, "PaymentDeclined", "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"42\",\"reason\":\"insufficient-credit\",\"declinedAt\":\"2026-11-25T12:00:01Z\"}");
		awaitCommand(order, "ReleaseStock");
		reply(InventoryTopics.EVENTS, order, "StockReleased", "{\"orderId\":\"" + order
				+ "\",\"releasedUnits\":2,\"reason\":\"payment declined\",\"releasedAt\":\"2026-11-25T12:00:02Z\"}");
		awaitCommand(order, "RejectOrder");
		reply(OrderTopics.EVENTS, order, "OrderRejected", "{\"orderId\":\"" + order
				+ "\",\"reason\":\"payment declined: insufficient-credit\",\"rejectedAt\":\"2026-11-25T12:00:03Z\"}");
		awaitState(order, "REJECTED");

		assertThat(stepsOf(order)).containsExactly("start started reserving-stock",
				"reserving-stock advanced authorizing-payment", "authorizing-payment compensating releasing-stock",
				"releasing-stock advanced rejecting-order", "rejecting-order completed rejected");
		assertThat(this.steps.with("saga.id", order)).allSatisfy((step) -> {
			assertThat(RecordedObservations.value(step, "saga.style")).isEqualTo("orchestrated");
			assertThat(RecordedObservations.value(step, "order.id")).isEqualTo(order);
			assertThat(step.getContextualName()).startsWith("saga.step ");
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(count("saga.compensations", "style", "orchestrated", "reason", "insufficient-credit"))
				.isEqualTo(compensations + 1);
			assertThat(timerCount("saga.duration", "style", "orchestrated", "outcome", "rejected"))
				.isEqualTo(rejected + 1);
		});
		assertThat(timerCount("saga.step", "step", "authorizing-payment", "outcome", "compensating"))
			.isEqualTo(declines + 1);

		String scrape = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape.lines()).anySatisfy((line) -> assertThat(line).startsWith("saga_step_seconds_bucket{")
			.contains("step=\"authorizing-payment\"", "outcome=\"compensating\"", "saga_style=\"orchestrated\"",
					"saga_state=\"releasing-stock\""));
		assertThat(scrape.lines()).anySatisfy((line) -> assertThat(line).startsWith("saga_compensations_total{")
			.contains("reason=\"insufficient-credit\"", "style=\"orchestrated\""));
		assertThat(scrape.lines()).anySatisfy((line) -> assertThat(line).startsWith("saga_duration_seconds_bucket{")
			.contains("outcome=\"rejected\"", "style=\"orchestrated\""));
		assertThat(scrape).contains("saga_step_timeouts_total");
	}

	@Test
	void aPaymentStepAnsweredOnlyAfterItWasSentAgainStillApproves() {
		String order = placeOrder("orchestrated");
		reserveStock(order);

		// payment-service is down: the first command goes unanswered and is sent again,
		// with a message id of its own and the same order
		List<ConsumerRecord<String, String>> sent = await().atMost(Duration.ofSeconds(20))
			.until(() -> commandsOf(order, "AuthorizePayment"), (found) -> found.size() >= 2);
		assertThat(sent.get(1).value()).isEqualTo(sent.get(0).value());
		assertThat(IncomingMessages.messageId(sent.get(1))).isNotEqualTo(IncomingMessages.messageId(sent.get(0)));
		reply(PaymentTopics.EVENTS, order, "PaymentAuthorized", "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"42\",\"amountCents\":5000,\"currency\":\"EUR\",\"authorizationId\":\"a-2\","
				+ "\"authorizedAt\":\"2026-11-25T12:00:03Z\"}");

		awaitCommand(order, "ApproveOrder");
		Map<String, Object> saga = awaitState(order, "APPROVING_ORDER");
		assertThat(saga.get("reason")).isNull();
		assertThat(commandsOf(order, "VoidPayment")).isEmpty();
	}

	@Test
	void duplicateRepliesMoveTheSagaOnce() {
		String order = placeOrder("orchestrated");
		awaitCommand(order, "ReserveStock");
		String reserved = stockReserved(order);
		String messageId = UUID.randomUUID().toString();

		reply(InventoryTopics.EVENTS, order, "StockReserved", reserved, messageId);
		reply(InventoryTopics.EVENTS, order, "StockReserved", reserved, messageId);
		reply(InventoryTopics.EVENTS, order, "StockReserved", reserved, UUID.randomUUID().toString());
		awaitCommand(order, "AuthorizePayment");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(historyTypes(saga(order))).contains("IGNORED StockReserved"));
		assertThat(commandsOf(order, "AuthorizePayment")).hasSize(1);
		assertThat(historyTypes(saga(order))).filteredOn("RECEIVED StockReserved"::equals).hasSize(1);
	}

	@Test
	void aChoreographedOrderHasNoSaga() {
		String order = placeOrder("choreographed");
		String orchestrated = placeOrder("orchestrated");
		awaitState(orchestrated, "RESERVING_STOCK");

		ResponseEntity<Map<String, Object>> response = http().get()
			.uri("/api/sagas/{id}", order)
			.retrieve()
			.onStatus((status) -> true, (request, reply) -> {
			})
			.toEntity(JSON_OBJECT);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/saga-not-found");
		assertThat(commandsOf(order, "ReserveStock")).isEmpty();
	}

	@Test
	void listsSagasByStateAndRefusesAnUnknownState() {
		String order = placeOrder("orchestrated");
		awaitState(order, "RESERVING_STOCK");

		ResponseEntity<Map<String, Object>> reserving = list("/api/sagas?state=reserving_stock&size=100");
		ResponseEntity<Map<String, Object>> unknown = list("/api/sagas?state=DANCING");

		assertThat(items(reserving)).extracting((saga) -> saga.get("sagaId")).contains(order);
		assertThat(items(reserving)).extracting((saga) -> saga.get("state")).containsOnly("RESERVING_STOCK");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request")
			.containsKey("errors");
	}

	@Test
	void walksEverySagaPageByPageNewestFirstEachOnce() {
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(placeOrder("orchestrated"));
		}
		placed.forEach((order) -> awaitState(order, "RESERVING_STOCK"));

		List<Map<String, Object>> seen = new ArrayList<>();
		String next = "/api/sagas?size=2";
		int pages = 0;
		while (next != null) {
			ResponseEntity<Map<String, Object>> page = list(next);
			assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(items(page)).hasSizeLessThanOrEqualTo(2);
			seen.addAll(items(page));
			String link = page.getHeaders().getFirst(HttpHeaders.LINK);
			assertThat(link == null).as("a Link header exactly when there is a next page")
				.isEqualTo(page.getBody().get("next") == null);
			next = (link != null) ? link.substring(1, link.indexOf('>')) : null;
			pages++;
		}

		List<Object> ids = seen.stream().map((saga) -> saga.get("sagaId")).toList();
		assertThat(ids).doesNotHaveDuplicates().containsAll(placed);
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(seen).extracting((saga) -> Instant.parse((String) saga.get("startedAt")))
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void refusesAnOversizedPageAndACursorOfAnotherList() {
		String order = placeOrder("orchestrated");
		awaitState(order, "RESERVING_STOCK");
		String allCursor = (String) list("/api/sagas?size=1").getBody().get("next");

		ResponseEntity<Map<String, Object>> oversized = list("/api/sagas?size=101");
		ResponseEntity<Map<String, Object>> otherList = list("/api/sagas?state=APPROVED&cursor=" + allCursor);
		ResponseEntity<Map<String, Object>> garbage = list("/api/sagas?cursor=not*a*cursor");

		assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(oversized.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-page-size")
			.containsEntry("maxSize", 100);
		assertThat(List.of(otherList, garbage)).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-cursor");
		});
	}

	@Test
	void auditShowsSagasPerStateAndAnEmptyOutboxAtRest() {
		String order = placeOrder("orchestrated");
		awaitState(order, "RESERVING_STOCK");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> audit = http().get().uri("/api/audit/sagas").retrieve().body(JSON_OBJECT);
			assertThat(audit).containsEntry("outboxBacklog", 0).containsKey("stuck");
			assertThat(audit.get("byState")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsKeys("APPROVED", "REJECTED", "RESERVING_STOCK");
		});
	}

	private List<String> stepsOf(String order) {
		return this.steps.with("saga.id", order)
			.stream()
			.map((step) -> RecordedObservations.describe(step, "saga.step", "outcome", "saga.state"))
			.toList();
	}

	private double count(String name, String... tags) {
		return this.meters.find(name).tags(tags).counters().stream().mapToDouble((counter) -> counter.count()).sum();
	}

	private long timerCount(String name, String... tags) {
		return this.meters.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
	}

	private String placeOrder(String style) {
		String order = Long.toString(ORDER_IDS.incrementAndGet());
		reply(OrderTopics.EVENTS, order, "OrderPlaced", "{\"orderId\":\"" + order + "\",\"customerId\":\"42\","
				+ "\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":2,\"unitPriceCents\":2500}],\"totalCents\":5000,"
				+ "\"currency\":\"EUR\",\"sagaStyle\":\"" + style + "\",\"placedAt\":\"2026-11-25T12:00:00Z\"}");
		return order;
	}

	/** Plays inventory: awaits the saga's ReserveStock and answers StockReserved. */
	private void reserveStock(String order) {
		awaitCommand(order, "ReserveStock");
		reply(InventoryTopics.EVENTS, order, "StockReserved", stockReserved(order));
	}

	private static String stockReserved(String order) {
		return "{\"orderId\":\"" + order + "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":2}],"
				+ "\"reservedAt\":\"2026-11-25T12:00:00Z\"}";
	}

	private void reply(String topic, String key, String type, String payload) {
		reply(topic, key, type, payload, UUID.randomUUID().toString());
	}

	private void reply(String topic, String key, String type, String payload, String messageId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.SAGA_ID, key.getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ConsumerRecord<String, String> awaitCommand(String order, String type) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> commandsOf(order, type), (found) -> !found.isEmpty())
			.get(0);
	}

	private List<ConsumerRecord<String, String>> commandsOf(String order, String type) {
		return this.commands.stream()
			.filter((record) -> order.equals(record.key()) && type.equals(IncomingMessages.type(record)))
			.toList();
	}

	private Map<String, Object> awaitState(String order, String state) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> saga(order), (saga) -> saga != null && state.equals(saga.get("state")));
	}

	private Map<String, Object> saga(String order) {
		return http().get()
			.uri("/api/sagas/{id}", order)
			.retrieve()
			.onStatus((status) -> status.value() == 404, (request, reply) -> {
			})
			.body(JSON_OBJECT);
	}

	private ResponseEntity<Map<String, Object>> list(String uri) {
		return http().get().uri(uri).retrieve().onStatus((status) -> true, (request, reply) -> {
		}).toEntity(JSON_OBJECT);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

	@SuppressWarnings("unchecked")
	private static List<String> historyTypes(Map<String, Object> saga) {
		return ((List<Map<String, Object>>) saga.get("history")).stream()
			.map((entry) -> entry.get("kind") + " " + entry.get("type"))
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordSteps {

		@Bean
		RecordedObservations sagaSteps() {
			return new RecordedObservations("saga.step");
		}

	}

	private RestClient http() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
	}

}
