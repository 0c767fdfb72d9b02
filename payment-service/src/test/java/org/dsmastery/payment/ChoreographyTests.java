package org.dsmastery.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The choreographed style: payment authorizes on StockReserved of an order it learnt from
 * OrderPlaced, whichever arrives first.
 */
class ChoreographyTests extends PaymentIntegrationTest {

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
	void stockReservedBeforeOrderPlacedIsRetriedUntilTheOrderIsKnown() {
		String customer = customer();
		String order = order();
		String reserved = UUID.randomUUID().toString();

		send(InventoryTopics.EVENTS, order, "StockReserved", stockReserved(order), reserved, null);
		// the first attempt fails, the order being unknown: the message moves on to a
		// retry
		await().atMost(WAIT).until(() -> keysOn(InventoryTopics.EVENTS + ".payment-service.retry-0").contains(order));
		assertThat(processed("payment-inventory-events", reserved)).isFalse();
		send(OrderTopics.EVENTS, order, "OrderPlaced", placed(order, customer, 6000, "choreographed"),
				UUID.randomUUID().toString(), null);

		ConsumerRecord<String, String> authorized = awaitEvent(order, "PaymentAuthorized");
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CAUSATION_ID)).isEqualTo(reserved);
		assertThat(account(customer)).containsEntry("heldCents", 6000);
		assertThat(this.events.of(order, "PaymentAuthorized")).hasSize(1);
		assertThat(keysOn(InventoryTopics.EVENTS + ".DLT")).doesNotContain(order);
	}

	/** The keys of every record on a topic now, read to its end. */
	private List<String> keysOn(String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<String> keys = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> keys.add(record.key()));
			}
			return keys;
		}
	}

	private static String placed(String order, String customer, long totalCents, String style) {
		return "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
				+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1,\"unitPriceCents\":" + totalCents
				+ "}],\"totalCents\":" + totalCents + ",\"currency\":\"EUR\",\"sagaStyle\":\"" + style
				+ "\",\"placedAt\":\"2026-11-25T16:37:23.465Z\"}";
	}

	private static String stockReserved(String order) {
		return "{\"orderId\":\"" + order
				+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"reservedAt\":\"2026-11-25T16:37:23.601Z\"}";
	}

}
