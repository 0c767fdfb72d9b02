package org.dsmastery.payment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.payment.contracts.v1.PaymentTopics;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@code payment.events.v1} from the beginning on a background thread for the whole
 * test JVM, so tests look events up instead of each joining a consumer group.
 */
final class PaymentEventsCollector {

	private static volatile PaymentEventsCollector instance;

	private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();

	/** The next offset to read of each partition, as far as the poller got. */
	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final String bootstrapServers;

	private final KafkaConsumer<String, String> consumer;

	private PaymentEventsCollector(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(PaymentTopics.EVENTS));
		Thread poller = new Thread(this::poll, "payment-events-collector");
		poller.setDaemon(true);
		poller.start();
	}

	static synchronized PaymentEventsCollector start(String bootstrapServers) {
		if (instance == null) {
			instance = new PaymentEventsCollector(bootstrapServers);
		}
		return instance;
	}

	private void poll() {
		try {
			while (true) {
				this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
				this.consumer.assignment()
					.forEach((partition) -> this.positions.put(partition, this.consumer.position(partition)));
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/**
	 * Waits until every event on the topic now has been read: an event missing after it
	 * was not on the topic when it was called.
	 * @param wait how long to wait at most
	 */
	void awaitCaughtUp(Duration wait) {
		Map<TopicPartition, Long> ends;
		try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringDeserializer(),
				new StringDeserializer())) {
			ends = probe.endOffsets(probe.partitionsFor(PaymentTopics.EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList());
		}
		await().atMost(wait)
			.until(() -> ends.entrySet()
				.stream()
				.allMatch((end) -> this.positions.getOrDefault(end.getKey(), 0L) >= end.getValue()));
	}

	List<ConsumerRecord<String, String>> of(String orderId) {
		return this.records.stream().filter((record) -> orderId.equals(record.key())).toList();
	}

	List<ConsumerRecord<String, String>> of(String orderId, String type) {
		return of(orderId).stream().filter((record) -> type.equals(IncomingMessages.type(record))).toList();
	}

}
