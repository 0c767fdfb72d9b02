package org.dsmastery.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dsmastery.devstack.Infra;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
 * payment-service inside one JVM on real HTTP, PostgreSQL and Kafka, shared by every
 * integration test class: the saga messages are written to the real topics as
 * saga-orchestrator, order-service and inventory would write them, and the answers are
 * read back from {@code payment.events.v1}. The payment provider is the service's own
 * simulator, called over real HTTP. Invariant 3 is checked after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "payments")
@Import(RecordObservations.class)
abstract class PaymentIntegrationTest {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

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

	String authorizePayment(String order, String customer, long amountCents, String messageId, String sagaId) {
		send(PaymentTopics.COMMANDS, order, "AuthorizePayment", "{\"orderId\":\"" + order + "\",\"customerId\":\""
				+ customer + "\",\"amountCents\":" + amountCents + ",\"currency\":\"EUR\"}", messageId, sagaId);
		return messageId;
	}

	void send(String topic, String key, String type, String payload, String messageId, String sagaId) {
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
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	ConsumerRecord<String, String> awaitEvent(String order, String type) {
		await().atMost(WAIT).until(() -> !this.events.of(order, type).isEmpty());
		return this.events.of(order, type).get(0);
	}

	/**
	 * Waits until every event payment-service wrote has left its outbox and been read
	 * back: after it, an event that is missing was never written.
	 */
	void awaitEveryEventRead() {
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject("select count(*) from outbox_message", Long.class) == 0);
		this.events.awaitCaughtUp(WAIT);
	}

	boolean processed(String consumer, String messageId) {
		return this.jdbc.queryForObject("select count(*) from processed_message where consumer = ? and message_id = ?",
				Integer.class, consumer, messageId) == 1;
	}

	int providerAttempts(String order) {
		return ((Number) get("/simulator/payments/authorizations/order-" + order).getBody().get("attempts")).intValue();
	}

	void configureProvider(int latencyMs, double failureRate, double declineRate) {
		ResponseEntity<Map<String, Object>> response = put("/api/admin/payment-provider", "{\"latencyMs\":" + latencyMs
				+ ",\"failureRate\":" + failureRate + ",\"declineRate\":" + declineRate + "}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	ResponseEntity<Map<String, Object>> setCredit(String customer, long creditCents) {
		return put("/api/admin/accounts/" + customer, "{\"creditCents\":" + creditCents + "}");
	}

	Map<String, Object> account(String customer) {
		ResponseEntity<Map<String, Object>> response = get("/api/accounts/" + customer);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	ResponseEntity<Map<String, Object>> get(String path) {
		return client().get().uri(path).retrieve().toEntity(JSON_OBJECT);
	}

	ResponseEntity<Map<String, Object>> put(String path, String body) {
		return client().put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON_OBJECT);
	}

	ResponseEntity<Map<String, Object>> post(String path, String idempotencyKey, String body) {
		return client().post()
			.uri(path)
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON_OBJECT);
	}

	/** A client that hands back every answer, errors included, instead of throwing. */
	RestClient client() {
		return LocalHttp.client(this.port, TestIdentity.shared().admin());
	}

	static Map<String, Object> payload(ConsumerRecord<String, String> record) {
		return JSON.readValue(record.value(), JSON_MAP);
	}

	static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

	static String customer() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1, 1_000_000_001L));
	}

	static String order() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L));
	}

}
