package org.dsmastery.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.RecordedObservations;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business metrics and the order's span tag, against the real application: orders
 * placed over HTTP, decided by the orchestrator's commands and by the participants'
 * events, counted once each.
 */
class OrderMetricsTests extends OrderIntegrationTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final Pattern LE = Pattern.compile("[{,]le=\"([^\"]+)\"");

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MeterRegistry meters;

	@Autowired
	RecordedObservations serverObservations;

	@Test
	void countsOrdersPlacedAndDecidedInBothStylesOnceEach() {
		double placedOrchestrated = count("orders.placed", "style", "orchestrated");
		double placedChoreographed = count("orders.placed", "style", "choreographed");
		List<List<String>> outcomes = List.of(List.of("orchestrated", "approved", "none"),
				List.of("orchestrated", "rejected", "insufficient-credit"),
				List.of("choreographed", "approved", "none"), List.of("choreographed", "rejected", "out-of-stock"));
		Map<List<String>, Double> before = outcomes.stream()
			.collect(Collectors.toMap((tags) -> tags, (tags) -> count("orders.decided", "style", tags.get(0), "outcome",
					tags.get(1), "reason", tags.get(2))));
		Map<List<String>, Long> timed = outcomes.stream()
			.collect(Collectors.toMap((tags) -> tags, (tags) -> decisions(tags.get(0), tags.get(1))));

		String approved = place("orchestrated");
		String rejected = place("orchestrated");
		String authorized = place("choreographed");
		String outOfStock = place("choreographed");
		String approve = UUID.randomUUID().toString();
		// the orchestrator's ApproveOrder delivered twice: one decision
		send(OrderTopics.COMMANDS, approved, "ApproveOrder", "{\"orderId\":\"" + approved + "\"}", approve);
		send(OrderTopics.COMMANDS, approved, "ApproveOrder", "{\"orderId\":\"" + approved + "\"}", approve);
		send(OrderTopics.COMMANDS, rejected, "RejectOrder",
				"{\"orderId\":\"" + rejected + "\",\"reason\":\"payment declined: insufficient-credit\"}",
				UUID.randomUUID().toString());
		send(PaymentTopics.EVENTS, authorized, "PaymentAuthorized", "{\"orderId\":\"" + authorized
				+ "\",\"customerId\":\"7\",\"amountCents\":7500,\"currency\":\"EUR\",\"authorizationId\":\"a-1\","
				+ "\"authorizedAt\":\"2026-11-25T12:00:01Z\"}", UUID.randomUUID().toString());
		send(InventoryTopics.EVENTS, outOfStock, "StockRejected",
				"{\"orderId\":\"" + outOfStock
						+ "\",\"reason\":\"out of stock: SKU-MOUSE\",\"unavailableSkus\":[\"SKU-MOUSE\"],"
						+ "\"rejectedAt\":\"2026-11-25T12:00:01Z\"}",
				UUID.randomUUID().toString());
		awaitStatus(approved, "APPROVED");
		awaitStatus(rejected, "REJECTED");
		awaitStatus(authorized, "APPROVED");
		awaitStatus(outOfStock, "REJECTED");

		assertThat(count("orders.placed", "style", "orchestrated")).isEqualTo(placedOrchestrated + 2);
		assertThat(count("orders.placed", "style", "choreographed")).isEqualTo(placedChoreographed + 2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (List<String> tags : outcomes) {
				assertThat(count("orders.decided", "style", tags.get(0), "outcome", tags.get(1), "reason", tags.get(2)))
					.as("orders decided %s", tags)
					.isEqualTo(before.get(tags) + 1);
			}
			for (List<String> tags : outcomes.subList(0, 3)) {
				assertThat(decisions(tags.get(0), tags.get(1))).as("decisions timed %s", tags)
					.isEqualTo(timed.get(tags) + 1);
			}
			// a choreographed order of another test may reach its timeout meanwhile
			assertThat(decisions("choreographed", "rejected")).isGreaterThanOrEqualTo(timed.get(outcomes.get(3)) + 1);
		});

		String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		List<String> buckets = scrape.lines()
			.filter((line) -> line.startsWith("orders_decision_seconds_bucket{")
					&& line.contains("style=\"choreographed\"") && line.contains("outcome=\"rejected\""))
			.map((line) -> LE.matcher(line).results().findFirst().orElseThrow().group(1))
			.toList();
		assertThat(buckets).containsExactly("0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "+Inf");
		assertThat(scrape.lines()).anySatisfy(
				(line) -> assertThat(line).startsWith("orders_placed_total{").contains("style=\"choreographed\""));
		assertThat(scrape.lines()).anySatisfy((line) -> assertThat(line).startsWith("orders_decided_total{")
			.contains("style=\"orchestrated\"", "outcome=\"rejected\"", "reason=\"insufficient-credit\""));
	}

	@Test
	void theServerObservationOfThePlacingRequestCarriesTheOrderId() {
		String order = place("choreographed");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.serverObservations.with("order.id", order)).singleElement()
				.satisfies((observation) -> {
					assertThat(RecordedObservations.value(observation, "saga.style")).isEqualTo("choreographed");
					assertThat(observation.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/api/orders");
					assertThat(observation.getLowCardinalityKeyValue("order.id")).as("never a metric label").isNull();
				}));
	}

	private long decisions(String style, String outcome) {
		return this.meters.find("orders.decision")
			.tags("style", style, "outcome", outcome)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private double count(String name, String... tags) {
		return this.meters.find(name).tags(tags).counters().stream().mapToDouble((counter) -> counter.count()).sum();
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

	private void send(String topic, String key, String type, String payload, String messageId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitStatus(String order, String status) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> client().get().uri("/api/orders/{id}", order).retrieve().body(JSON_OBJECT),
					(view) -> status.equals(view.get("status")));
	}

	private RestClient client() {
		return LocalHttp.client(this.port, TestIdentity.shared().admin());
	}

}
