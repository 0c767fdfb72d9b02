package org.dsmastery.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service inside one JVM on real HTTP, PostgreSQL and Kafka: the saga messages
 * are written to the real topics as saga-orchestrator, order-service and inventory would
 * write them, and the answers are read back from {@code payment.events.v1}. The payment
 * provider is the service's own simulator, called over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "payments")
class PaymentServiceIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Value("${local.server.port}")
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	PaymentEventsCollector events;

	@BeforeEach
	void healthyProviderAndListenersAssigned() {
		this.events = PaymentEventsCollector.start(this.bootstrapServers);
		await().atMost(WAIT)
			.until(() -> this.listeners.getListenerContainers()
				.stream()
				.allMatch((container) -> !container.getAssignedPartitions().isEmpty()));
		configureProvider(0, 0.0, 0.0);
		this.circuitBreakers.circuitBreaker("payment-provider").reset();
	}

	@AfterEach
	void invariantHolds() {
		Map<String, Object> audit = get("/api/audit/payments").getBody();
		assertThat(audit).containsKeys("accounts", "payments", "providerDuplicates", "outboxBacklog");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> accounts = (List<Map<String, Object>>) audit.get("accounts");
		assertThat(accounts).allSatisfy((account) -> assertThat(number(account, "creditCents"))
			.as("credit = balance + held + captured of %s", account)
			.isEqualTo(
					number(account, "balanceCents") + number(account, "heldCents") + number(account, "capturedCents")));
		assertThat((List<?>) audit.get("providerDuplicates")).isEmpty();
	}

	@Test
	void authorizesAnOrderAndHoldsItsAmount() {
		String customer = customer();
		String order = order();
		String sagaId = order;

		String messageId = authorizePayment(order, customer, 12498, UUID.randomUUID().toString(), sagaId);

		ConsumerRecord<String, String> authorized = awaitEvent(order, "PaymentAuthorized");
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CAUSATION_ID)).isEqualTo(messageId);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CORRELATION_ID)).isEqualTo(order);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.SAGA_ID)).isEqualTo(sagaId);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.VERSION)).isEqualTo("1");
		Map<String, Object> payload = payload(authorized);
		assertThat(payload).containsEntry("orderId", order)
			.containsEntry("customerId", customer)
			.containsEntry("amountCents", 12498)
			.containsEntry("currency", "EUR");
		assertThat((String) payload.get("authorizationId")).startsWith("auth-");
		assertThat(account(customer)).containsEntry("creditCents", 100000)
			.containsEntry("balanceCents", 87502)
			.containsEntry("heldCents", 12498)
			.containsEntry("capturedCents", 0);
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "AUTHORIZED")
			.containsEntry("sagaStyle", "orchestrated")
			.containsEntry("authorizationId", payload.get("authorizationId"));
	}

	@Test
	void aDuplicatedAuthorizationHoldsOnceAndAnswersEveryCommand() {
		String customer = customer();
		String order = order();
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();

		authorizePayment(order, customer, 5000, first, order);
		authorizePayment(order, customer, 5000, first, order);
		authorizePayment(order, customer, 5000, second, order);

		await().atMost(WAIT).until(() -> this.events.of(order, "PaymentAuthorized").size() == 2);
		assertThat(processed("payment-commands", first)).isTrue();
		List<ConsumerRecord<String, String>> answers = this.events.of(order, "PaymentAuthorized");
		assertThat(answers).extracting((record) -> IncomingMessages.header(record, MessageHeaders.CAUSATION_ID))
			.containsExactlyInAnyOrder(first, second);
		assertThat(answers).extracting((record) -> payload(record).get("authorizationId"))
			.containsOnly(payload(answers.get(0)).get("authorizationId"));
		assertThat(account(customer)).containsEntry("heldCents", 5000).containsEntry("balanceCents", 95000);
		assertThat(this.jdbc.queryForObject("select count(*) from provider_authorization where reference = ?",
				Integer.class, order))
			.isOne();
	}

	@Test
	void declinesWhatTheBalanceDoesNotCoverWithoutAskingTheProvider() {
		String customer = customer();
		String order = order();
		setCredit(customer, 5000);

		authorizePayment(order, customer, 12498, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "insufficient-credit")
			.containsEntry("customerId", customer);
		assertThat(account(customer)).containsEntry("balanceCents", 5000).containsEntry("heldCents", 0);
		assertThat(providerAttempts(order)).isZero();
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "DECLINED")
			.containsEntry("reason", "insufficient-credit");
	}

	@Test
	void aFailingProviderDeclinesOpensTheCircuitAndRecovers() {
		String customer = customer();
		configureProvider(0, 1.0, 0.0);

		List<String> orders = List.of(order(), order(), order(), order());
		orders.forEach((order) -> authorizePayment(order, customer, 1000, UUID.randomUUID().toString(), order));

		orders.forEach((order) -> assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason",
				"provider-unavailable"));
		assertThat(circuitState()).isEqualTo("OPEN");
		assertThat(account(customer)).containsEntry("heldCents", 0).containsEntry("balanceCents", 100000);
		// 3 attempts each for the first three handled; the tenth call opened the circuit,
		// which ended the last one's retries at once
		assertThat(orders.stream().map(this::providerAttempts)).containsExactlyInAnyOrder(3, 3, 3, 1);

		configureProvider(0, 0.0, 0.0);
		await().pollDelay(Duration.ofMillis(2100)).atMost(WAIT).until(() -> true);
		List<String> later = List.of(order(), order());
		later.forEach((order) -> {
			authorizePayment(order, customer, 1000, UUID.randomUUID().toString(), order);
			awaitEvent(order, "PaymentAuthorized");
		});
		assertThat(circuitState()).isEqualTo("CLOSED");
		assertThat(account(customer)).containsEntry("heldCents", 2000);
	}

	@Test
	void retriesMakeAFlakyProviderSucceed() {
		String customer = customer();
		String order = order();
		double retriedBefore = retriedSuccesses();
		// evenly spread: the first call fails, the second succeeds
		configureProvider(0, 0.5, 0.0);

		authorizePayment(order, customer, 2500, UUID.randomUUID().toString(), order);

		awaitEvent(order, "PaymentAuthorized");
		assertThat(providerAttempts(order)).isEqualTo(2);
		assertThat(retriedSuccesses()).isEqualTo(retriedBefore + 1);
		assertThat(account(customer)).containsEntry("heldCents", 2500);
	}

	@Test
	void aProviderDeclineIsAnswered() {
		String customer = customer();
		String order = order();
		configureProvider(0, 0.0, 1.0);

		authorizePayment(order, customer, 2500, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "provider-declined");
		assertThat(account(customer)).containsEntry("heldCents", 0);
		assertThat(providerAttempts(order)).isOne();
	}

	@Test
	void anApprovedOrderIsCapturedOnceHoweverOftenApprovalArrives() {
		String customer = customer();
		String order = order();
		authorizePayment(order, customer, 4000, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");
		String approval = UUID.randomUUID().toString();
		String redelivered = UUID.randomUUID().toString();

		send(OrderTopics.EVENTS, order, "OrderApproved", approved(order), approval, null);
		send(OrderTopics.EVENTS, order, "OrderApproved", approved(order), approval, null);
		send(OrderTopics.EVENTS, order, "OrderApproved", approved(order), redelivered, null);

		await().atMost(WAIT).until(() -> processed("payment-order-events", redelivered));
		assertThat(payload(awaitEvent(order, "PaymentCaptured"))).containsEntry("amountCents", 4000);
		await().pollDelay(Duration.ofSeconds(1))
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(this.events.of(order, "PaymentCaptured")).hasSize(1));
		assertThat(
				IncomingMessages.header(this.events.of(order, "PaymentCaptured").get(0), MessageHeaders.CAUSATION_ID))
			.isEqualTo(approval);
		assertThat(account(customer)).containsEntry("heldCents", 0)
			.containsEntry("capturedCents", 4000)
			.containsEntry("balanceCents", 96000);
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "CAPTURED");
	}

	@Test
	void aRejectedOrderIsVoidedAndALateAuthorizationIsDeclined() {
		String customer = customer();
		String order = order();
		authorizePayment(order, customer, 3000, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");

		send(OrderTopics.EVENTS, order, "OrderRejected", rejected(order), UUID.randomUUID().toString(), null);

		assertThat(payload(awaitEvent(order, "PaymentVoided"))).containsEntry("amountCents", 3000);
		assertThat(account(customer)).containsEntry("heldCents", 0).containsEntry("balanceCents", 100000);

		authorizePayment(order, customer, 3000, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "order-closed");
		assertThat(account(customer)).containsEntry("heldCents", 0);
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "VOIDED");
	}

	@Test
	void aCancelledOrderThatHeldNothingLeavesATombstone() {
		String customer = customer();
		String order = order();
		String cancellation = UUID.randomUUID().toString();

		send(OrderTopics.EVENTS, order, "OrderCancelled", cancelled(order), cancellation, null);
		await().atMost(WAIT).until(() -> processed("payment-order-events", cancellation));
		authorizePayment(order, customer, 3000, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "order-closed");
		assertThat(this.events.of(order, "PaymentVoided")).isEmpty();
		assertThat(providerAttempts(order)).isZero();
	}

	@Test
	void aVoidCommandIsAlwaysAnswered() {
		String customer = customer();
		String held = order();
		String nothingHeld = order();
		authorizePayment(held, customer, 1500, UUID.randomUUID().toString(), held);
		awaitEvent(held, "PaymentAuthorized");

		String voidHeld = UUID.randomUUID().toString();
		send(PaymentTopics.COMMANDS, held, "VoidPayment", voidPayment(held), voidHeld, held);
		send(PaymentTopics.COMMANDS, nothingHeld, "VoidPayment", voidPayment(nothingHeld), UUID.randomUUID().toString(),
				nothingHeld);

		ConsumerRecord<String, String> voided = awaitEvent(held, "PaymentVoided");
		assertThat(payload(voided)).containsEntry("amountCents", 1500);
		assertThat(IncomingMessages.header(voided, MessageHeaders.SAGA_ID)).isEqualTo(held);
		assertThat(IncomingMessages.header(voided, MessageHeaders.CAUSATION_ID)).isEqualTo(voidHeld);
		assertThat(payload(awaitEvent(nothingHeld, "PaymentVoided"))).containsEntry("amountCents", 0);
		assertThat(account(customer)).containsEntry("heldCents", 0).containsEntry("balanceCents", 100000);

		authorizePayment(nothingHeld, customer, 1500, UUID.randomUUID().toString(), nothingHeld);
		assertThat(payload(awaitEvent(nothingHeld, "PaymentDeclined"))).containsEntry("reason", "order-closed");
	}

	@Test
	void aChoreographedOrderIsAuthorizedOnStockReserved() {
		String customer = customer();
		String choreographed = order();
		String orchestrated = order();
		send(OrderTopics.EVENTS, choreographed, "OrderPlaced", placed(choreographed, customer, 7000, "choreographed"),
				UUID.randomUUID().toString(), null);
		send(OrderTopics.EVENTS, orchestrated, "OrderPlaced", placed(orchestrated, customer, 7000, "orchestrated"),
				UUID.randomUUID().toString(), null);

		String reserved = UUID.randomUUID().toString();
		String ignored = UUID.randomUUID().toString();
		send(InventoryTopics.EVENTS, choreographed, "StockReserved", stockReserved(choreographed), reserved, null);
		send(InventoryTopics.EVENTS, orchestrated, "StockReserved", stockReserved(orchestrated), ignored, null);

		ConsumerRecord<String, String> authorized = awaitEvent(choreographed, "PaymentAuthorized");
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CAUSATION_ID)).isEqualTo(reserved);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.SAGA_ID)).isNull();
		assertThat(payload(authorized)).containsEntry("amountCents", 7000).containsEntry("customerId", customer);
		assertThat(get("/api/payments/" + choreographed).getBody()).containsEntry("sagaStyle", "choreographed");
		await().atMost(WAIT).until(() -> processed("payment-inventory-events", ignored));
		assertThat(get("/api/payments/" + orchestrated).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(account(customer)).containsEntry("heldCents", 7000);
	}

	@Test
	void stockReservedBeforeOrderPlacedIsRetriedUntilTheOrderIsKnown() throws Exception {
		String customer = customer();
		String order = order();
		String reserved = UUID.randomUUID().toString();

		send(InventoryTopics.EVENTS, order, "StockReserved", stockReserved(order), reserved, null);
		// the first attempt (at once) and the first retry (after 0.5 s + jitter) fail
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> !processed("payment-inventory-events", reserved));
		send(OrderTopics.EVENTS, order, "OrderPlaced", placed(order, customer, 6000, "choreographed"),
				UUID.randomUUID().toString(), null);

		ConsumerRecord<String, String> authorized = awaitEvent(order, "PaymentAuthorized");
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CAUSATION_ID)).isEqualTo(reserved);
		assertThat(account(customer)).containsEntry("heldCents", 6000);
		assertThat(this.events.of(order, "PaymentAuthorized")).hasSize(1);
		assertThat(keysOn(Pattern.compile(Pattern.quote(InventoryTopics.EVENTS + ".payment-service.retry-") + "\\d+")))
			.contains(order);
		assertThat(keysOn(Pattern.compile(Pattern.quote(InventoryTopics.EVENTS) + "\\.DLT"))).doesNotContain(order);
	}

	private List<String> keysOn(Pattern topics) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(topics);
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> keys.add(record.key()));
			}
		}
		return keys;
	}

	@Test
	void answersBadInputWithProblems() {
		for (String path : List.of("/api/accounts/abc", "/api/accounts/-1", "/api/payments/x", "/api/payments/0")) {
			ResponseEntity<Map<String, Object>> response = get(path);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
		}
		assertThat(get("/api/accounts/abc").getBody().get("errors").toString()).contains("#/customerId");
		Map<String, String> badCredits = Map.of("{\"creditCents\":-1}", "#/creditCents", "{}", "#/creditCents",
				"{\"creditCents\":5000,\"overdraft\":true}", "", "not json", "");
		badCredits.forEach((body, pointer) -> {
			ResponseEntity<Map<String, Object>> response = put("/api/admin/accounts/7", body);
			assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
			if (!pointer.isEmpty()) {
				assertThat(response.getBody().get("errors").toString()).as(body).contains(pointer);
			}
		});
		ResponseEntity<Map<String, Object>> badSettings = put("/api/admin/payment-provider",
				"{\"latencyMs\":-5,\"failureRate\":2.0,\"declineRate\":0.0}");
		assertThat(badSettings.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badSettings.getBody().get("errors").toString()).contains("#/latencyMs", "#/failureRate");

		ResponseEntity<Map<String, Object>> noAccount = get("/api/accounts/" + customer());
		assertThat(noAccount.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noAccount.getBody()).containsEntry("type", "https://dsmastery.org/problems/account-not-found");
		ResponseEntity<Map<String, Object>> noPayment = get("/api/payments/" + order());
		assertThat(noPayment.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noPayment.getBody()).containsEntry("type", "https://dsmastery.org/problems/payment-not-found");
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeWithTheirPointer() {
		Map<String, String> cases = Map.of("{\"creditCents\":\"5000\"}", "must be a whole number",
				"{\"creditCents\":5000.5}", "must be a whole number", "{\"creditCents\":true}",
				"must be a whole number", "{\"creditCents\":1,\"creditCents\":2}", "appears more than once",
				"{\"creditCents\":5000,\"overdraft\":true}", "'overdraft' is not a field of this request");
		cases.forEach((body, detail) -> {
			ResponseEntity<Map<String, Object>> response = put("/api/admin/accounts/7", body);

			assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
			assertThat(response.getBody().get("errors").toString()).as(body)
				.contains("pointer=#/" + (body.contains("overdraft") ? "overdraft" : "creditCents"), detail);
		});
		ResponseEntity<Map<String, Object>> longReference = client().post()
			.uri("/simulator/payments/authorizations")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":\"" + "r".repeat(201) + "\"}")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(longReference.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(longReference.getBody().get("errors").toString()).contains("#/reference");
		ResponseEntity<Map<String, Object>> longKey = client().post()
			.uri("/simulator/payments/authorizations")
			.header("Idempotency-Key", "k".repeat(256))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":\"r\"}")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(longKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(longKey.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
	}

	@Test
	void answersTheFrameworksAndTomcatsErrorsWithProblems() {
		ResponseEntity<Map<String, Object>> textBody = client().put()
			.uri("/api/admin/accounts/7")
			.contentType(MediaType.TEXT_PLAIN)
			.body("creditCents=5")
			.retrieve()
			.toEntity(JSON_OBJECT);
		ResponseEntity<Map<String, Object>> wrongMethod = client().delete()
			.uri("/api/accounts/7")
			.retrieve()
			.toEntity(JSON_OBJECT);
		ResponseEntity<Map<String, Object>> unrouted = get("/api/nothing-here");
		ResponseEntity<Map<String, Object>> bigHeader = client().get()
			.uri("/api/accounts/7")
			.header("X-Big", "x".repeat(9 * 1024))
			.retrieve()
			.toEntity(JSON_OBJECT);

		assertThat(textBody.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(textBody.getBody()).containsEntry("type", "https://dsmastery.org/problems/unsupported-media-type");
		assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(wrongMethod.getHeaders().getAllow()).isNotEmpty();
		assertThat(wrongMethod.getBody()).containsEntry("type", "https://dsmastery.org/problems/method-not-allowed");
		assertThat(unrouted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unrouted.getBody()).containsEntry("type", "https://dsmastery.org/problems/not-found")
			.containsEntry("detail", "there is nothing at GET /api/nothing-here");
		assertThat(bigHeader.getStatusCode().value()).isEqualTo(431);
		assertThat(bigHeader.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(bigHeader.getBody()).containsEntry("type", "https://dsmastery.org/problems/header-too-large");
	}

	@Test
	void setsTheCreditButNeverBelowWhatIsHeldAndCaptured() {
		String customer = customer();
		assertThat(setCredit(customer, 5000).getBody()).containsEntry("creditCents", 5000)
			.containsEntry("balanceCents", 5000)
			.containsEntry("customerId", customer);
		String order = order();
		authorizePayment(order, customer, 4000, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");

		assertThat(setCredit(customer, 8000).getBody()).containsEntry("balanceCents", 4000)
			.containsEntry("heldCents", 4000);
		ResponseEntity<Map<String, Object>> tooLow = setCredit(customer, 3999);

		assertThat(tooLow.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(tooLow.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tooLow.getBody()).containsEntry("type", "https://dsmastery.org/problems/credit-below-commitments");
		assertThat(account(customer)).containsEntry("creditCents", 8000)
			.containsEntry("balanceCents", 4000)
			.containsEntry("heldCents", 4000);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuditSeesEveryAccountAndPaymentAndADrainedOutbox() {
		String customer = customer();
		String order = order();
		authorizePayment(order, customer, 1234, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");

		await().atMost(WAIT).untilAsserted(() -> {
			Map<String, Object> audit = get("/api/audit/payments").getBody();
			assertThat(audit).containsEntry("outboxBacklog", 0).containsEntry("providerDuplicates", List.of());
			assertThat(audit.get("accounts").toString()).contains("customerId=" + customer);
			assertThat((List<Object>) audit.get("payments")).contains(Map.<String, Object>of("orderId", order,
					"customerId", customer, "status", "AUTHORIZED", "amountCents", 1234));
		});
	}

	private String authorizePayment(String order, String customer, long amountCents, String messageId, String sagaId) {
		send(PaymentTopics.COMMANDS, order, "AuthorizePayment", "{\"orderId\":\"" + order + "\",\"customerId\":\""
				+ customer + "\",\"amountCents\":" + amountCents + ",\"currency\":\"EUR\"}", messageId, sagaId);
		return messageId;
	}

	private static String placed(String order, String customer, long totalCents, String style) {
		return "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
				+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1,\"unitPriceCents\":" + totalCents
				+ "}],\"totalCents\":" + totalCents + ",\"currency\":\"EUR\",\"sagaStyle\":\"" + style
				+ "\",\"placedAt\":\"2026-11-25T16:37:23.465Z\"}";
	}

	private static String approved(String order) {
		return "{\"orderId\":\"" + order + "\",\"approvedAt\":\"2026-11-25T16:37:24.012Z\"}";
	}

	private static String rejected(String order) {
		return "{\"orderId\":\"" + order
				+ "\",\"reason\":\"out of stock\",\"rejectedAt\":\"2026-11-25T16:37:24.012Z\"}";
	}

	private static String cancelled(String order) {
		return "{\"orderId\":\"" + order
				+ "\",\"reason\":\"ordered by mistake\",\"cancelledAt\":\"2026-11-25T16:37:24.012Z\"}";
	}

	private static String voidPayment(String order) {
		return "{\"orderId\":\"" + order + "\",\"reason\":\"step timed out: AUTHORIZING_PAYMENT\"}";
	}

	private static String stockReserved(String order) {
		return "{\"orderId\":\"" + order
				+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"reservedAt\":\"2026-11-25T16:37:23.601Z\"}";
	}

	private void send(String topic, String key, String type, String payload, String messageId, String sagaId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.VERSION, "1".getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.CORRELATION_ID, key.getBytes(StandardCharsets.UTF_8));
		if (sagaId != null) {
			record.headers().add(MessageHeaders.SAGA_ID, sagaId.getBytes(StandardCharsets.UTF_8));
		}
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ConsumerRecord<String, String> awaitEvent(String order, String type) {
		await().atMost(WAIT).until(() -> !this.events.of(order, type).isEmpty());
		return this.events.of(order, type).get(0);
	}

	private boolean processed(String consumer, String messageId) {
		return this.jdbc.queryForObject("select count(*) from processed_message where consumer = ? and message_id = ?",
				Integer.class, consumer, messageId) == 1;
	}

	private int providerAttempts(String order) {
		return ((Number) get("/simulator/payments/authorizations/order-" + order).getBody().get("attempts")).intValue();
	}

	private String circuitState() {
		Map<String, Object> body = get("/actuator/circuitbreakers").getBody();
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> breakers = (Map<String, Map<String, Object>>) body.get("circuitBreakers");
		return (String) breakers.get("payment-provider").get("state");
	}

	private double retriedSuccesses() {
		var counter = this.meters.find("resilience4j.retry.calls")
			.tags("name", "payment-provider", "kind", "successful_with_retry")
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

	private void configureProvider(int latencyMs, double failureRate, double declineRate) {
		ResponseEntity<Map<String, Object>> response = put("/api/admin/payment-provider", "{\"latencyMs\":" + latencyMs
				+ ",\"failureRate\":" + failureRate + ",\"declineRate\":" + declineRate + "}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<Map<String, Object>> setCredit(String customer, long creditCents) {
		return put("/api/admin/accounts/" + customer, "{\"creditCents\":" + creditCents + "}");
	}

	private Map<String, Object> account(String customer) {
		ResponseEntity<Map<String, Object>> response = get("/api/accounts/" + customer);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static Map<String, Object> payload(ConsumerRecord<String, String> record) {
		return JSON.readValue(record.value(), JSON_MAP);
	}

	private static final tools.jackson.core.type.TypeReference<Map<String, Object>> JSON_MAP = new tools.jackson.core.type.TypeReference<>() {
	};

	private static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return client().get().uri(path).retrieve().toEntity(JSON_OBJECT);
	}

	private ResponseEntity<Map<String, Object>> put(String path, String body) {
		return client().put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON_OBJECT);
	}

	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	private static String customer() {
		return Long.toString(1 + (long) (Math.random() * 1_000_000_000L));
	}

	private static String order() {
		return Long.toString(1_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

}
