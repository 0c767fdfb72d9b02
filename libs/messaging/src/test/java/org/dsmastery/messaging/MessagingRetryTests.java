package org.dsmastery.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retry policy against a real Kafka broker.
 */
@SpringBootTest(classes = MessagingRetryTests.TestApplication.class,
		properties = { "spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.consumer.group-id=retry-tests" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "messaging")
class MessagingRetryTests {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Listeners listeners;

	@Autowired
	MeterRegistry meters;

	@Test
	void retriesATransientFailureWithBackoffUntilItSucceeds() {
		this.kafka.send("retry.flaky.v1", "order-1", "flaky");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.listeners.succeeded.contains("flaky"));
		assertThat(this.listeners.attempts.get("flaky").get()).isEqualTo(3);
		assertThat(this.listeners.deadLetters).doesNotContain("flaky");
		// two failed attempts, two records sent to retry topics, counted under the main
		// topic
		assertThat(count("messaging.retries", "retry.flaky.v1")).isEqualTo(2);
		assertThat(count("messaging.dead.letters", "retry.flaky.v1")).isZero();
	}

	@Test
	void countsRetriesAndDeadLettersFromZeroForEveryRetriedTopic() {
		for (String topic : java.util.List.of("retry.flaky.v1", "retry.poison.v1")) {
			assertThat(
					this.meters.find("messaging.retries").tag("topic", topic).tag("consumer", "retry-tests").counter())
				.as("retries of %s", topic)
				.isNotNull();
			assertThat(this.meters.find("messaging.dead.letters")
				.tag("topic", topic)
				.tag("consumer", "retry-tests")
				.counter()).as("dead letters of %s", topic).isNotNull();
		}
	}

	@Test
	void sendsAPoisonMessageStraightToTheDeadLetterTopic() {
		this.kafka.send("retry.poison.v1", "order-2", "poison");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.listeners.deadLetters.contains("poison"));
		assertThat(this.listeners.attempts.get("poison").get()).isOne();
		assertThat(count("messaging.dead.letters", "retry.poison.v1")).isOne();
		assertThat(count("messaging.retries", "retry.poison.v1")).isZero();
		assertThat(this.meters.get("messaging.dead.letters")
			.tag("topic", "retry.poison.v1")
			.counter()
			.getId()
			.getTag("consumer")).isEqualTo("retry-tests");
	}

	private double count(String name, String topic) {
		Counter counter = this.meters.find(name).tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		RetryTopicConfiguration retryTopics(KafkaTemplate<String, String> template) {
			return MessagingRetry.forTopics(template, "retry.flaky.v1", "retry.poison.v1");
		}

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	static class Listeners {

		final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		final List<String> succeeded = new CopyOnWriteArrayList<>();

		final List<String> deadLetters = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "retry.flaky.v1")
		void flaky(ConsumerRecord<String, String> record) {
			if (this.attempts.computeIfAbsent(record.value(), (k) -> new AtomicInteger()).incrementAndGet() < 3) {
				throw new IllegalStateException("transient: the database is restarting");
			}
			this.succeeded.add(record.value());
		}

		@KafkaListener(topics = "retry.poison.v1")
		void poison(ConsumerRecord<String, String> record) {
			this.attempts.computeIfAbsent(record.value(), (k) -> new AtomicInteger()).incrementAndGet();
			throw new IllegalArgumentException("unreadable: never succeeds");
		}

		@KafkaListener(topics = { "retry.flaky.v1.DLT", "retry.poison.v1.DLT" }, groupId = "dlt-watch")
		void deadLetter(ConsumerRecord<String, String> record) {
			this.deadLetters.add(record.value());
		}

	}

}
