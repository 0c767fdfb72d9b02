package org.dsmastery.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service's part of the choreographed saga, against real PostgreSQL and Kafka: the
 * test plays inventory and payment by publishing their events.
 */
@TestPropertySource(properties = "shop.order.choreography-timeout=4s")
class ChoreographyIntegrationTests extends OrderIntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void paymentAuthorizedApprovesAChoreographedOrder() {
		String order = place("choreographed");

		publish(PaymentTopics.EVENTS, order, "PaymentAuthorized", "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"7\",\"amountCents\":7500,\"currency\":\"EUR\",\"authorizationId\":\"a-1\","
				+ "\"authorizedAt\":\"2026-11-25T12:00:01Z\"}");

		assertThat(awaitStatus(order, "APPROVED")).containsEntry("sagaStyle", "choreographed");
	}

	@Test
	void stockRejectedOrPaymentDeclinedRejectsAChoreographedOrder() {
		String outOfStock = place("choreographed");
		String declined = place("choreographed");

		publish(InventoryTopics.EVENTS, outOfStock, "StockRejected",
				"{\"orderId\":\"" + outOfStock
						+ "\",\"reason\":\"out of stock: SKU-MOUSE\",\"unavailableSkus\":[\"SKU-MOUSE\"],"
						+ "\"rejectedAt\":\"2026-11-25T12:00:01Z\"}");
		publish(PaymentTopics.EVENTS, declined, "PaymentDeclined", "{\"orderId\":\"" + declined
				+ "\",\"customerId\":\"7\",\"reason\":\"insufficient-credit\",\"declinedAt\":\"2026-11-25T12:00:01Z\"}");

		assertThat(awaitStatus(outOfStock, "REJECTED")).containsEntry("reason", "out of stock: SKU-MOUSE");
		assertThat(awaitStatus(declined, "REJECTED")).containsEntry("reason", "payment declined: insufficient-credit");
	}

	@Test
	void anOrchestratedOrderIgnoresTheChoreographyEvents() {
		String order = place("orchestrated");

		String authorized = publish(PaymentTopics.EVENTS, order, "PaymentAuthorized", "{\"orderId\":\"" + order
				+ "\",\"customerId\":\"7\",\"amountCents\":7500,\"currency\":\"EUR\",\"authorizationId\":\"a-1\","
				+ "\"authorizedAt\":\"2026-11-25T12:00:01Z\"}");

		await().atMost(Duration.ofSeconds(20)).until(() -> processed(authorized));
		assertThat(get(order)).containsEntry("status", "PENDING");
	}

	@Test
	void aChoreographedOrderWithoutADecisionIsRejectedAfterTheTimeout() {
		String order = place("choreographed");

		Map<String, Object> rejected = awaitStatus(order, "REJECTED");

		assertThat((String) rejected.get("reason")).startsWith("saga timed out");
	}

	@Test
	void auditListsEveryOrderFromTheEventStore() {
		String order = place("choreographed");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> audit = client().get().uri("/api/audit/orders").retrieve().body(JSON_OBJECT);
			assertThat(audit).containsEntry("outboxBacklog", 0).containsEntry("projectionBehind", 0);
			assertThat(audit.get("orders")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.anySatisfy((row) -> assertThat(row).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
					.containsEntry("orderId", order));
		});
	}

	private String place(String style) {
		ResponseEntity<Map<String, Object>> response = client().post()
			.uri("/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"7\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":3}],\"sagaStyle\":\"" + style
					+ "\"}")
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return (String) response.getBody().get("orderId");
	}

	private String publish(String topic, String key, String type, String payload) {
		String messageId = UUID.randomUUID().toString();
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return messageId;
	}

	/** Whether a listener has handled the message, whatever it decided. */
	private boolean processed(String messageId) {
		return this.jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Integer.class,
				messageId) > 0;
	}

	private Map<String, Object> awaitStatus(String order, String status) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> get(order), (view) -> status.equals(view.get("status")));
	}

	private Map<String, Object> get(String order) {
		return client().get().uri("/api/orders/{id}", order).retrieve().body(JSON_OBJECT);
	}

	private RestClient client() {
		return LocalHttp.client(this.port, TestIdentity.shared().admin());
	}

}
