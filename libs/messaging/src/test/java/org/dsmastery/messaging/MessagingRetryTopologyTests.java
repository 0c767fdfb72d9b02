package org.dsmastery.messaging;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.DefaultDestinationTopicResolver;
import org.springframework.kafka.retrytopic.DestinationTopic;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The retry topology is the same at every start-up. It used to take its delays from a
 * jittered backoff: about one configuration in 400 drew two equal delays, Spring Kafka
 * made them one reusable topic in the middle of the chain and refused to start the
 * listener ({@code REUSABLE_RETRY_TOPIC can only be specified as the last retry topic}).
 * A service with two configurations and a platform with seven crashed often enough to be
 * seen. Building many configurations here makes that failure show in every run.
 */
class MessagingRetryTopologyTests {

	private static final int STARTS = 2_000;

	private final KafkaTemplate<String, String> template = new KafkaTemplate<>(
			new DefaultKafkaProducerFactory<>(Map.of()));

	@Test
	void everyStartBuildsThreeRetryTopicsWithFixedDelaysThenTheDeadLetterTopic() {
		for (int start = 0; start < STARTS; start++) {
			List<DestinationTopic.Properties> chain = MessagingRetry.forTopics(this.template, "order.commands.v1")
				.getDestinationTopicProperties();

			assertThat(chain).extracting(DestinationTopic.Properties::suffix)
				.containsExactly("", ".retry-0", ".retry-1", ".retry-2", ".DLT");
			assertThat(chain).extracting(DestinationTopic.Properties::delay)
				.containsExactly(0L, 500L, 1_000L, 2_000L, 0L);
			assertThat(chain.subList(1, 4)).allMatch(DestinationTopic.Properties::isRetryTopic);
			assertThat(chain.getLast().isDltTopic()).isTrue();
		}
	}

	@Test
	void sharedTopicsRetryUnderTheConsumersNameWithTheSameDelays() {
		List<DestinationTopic.Properties> chain = MessagingRetry
			.forSharedTopics(this.template, "payment-service", "inventory.events.v1")
			.getDestinationTopicProperties();

		assertThat(chain).extracting(DestinationTopic.Properties::suffix)
			.containsExactly("", ".payment-service.retry-0", ".payment-service.retry-1", ".payment-service.retry-2",
					".DLT");
		assertThat(chain).extracting(DestinationTopic.Properties::delay).containsExactly(0L, 500L, 1_000L, 2_000L, 0L);
	}

	@Test
	void springKafkaAcceptsTheChainAtEveryStart() {
		for (int start = 0; start < STARTS; start++) {
			RetryTopicConfiguration configuration = MessagingRetry.forSharedTopics(this.template, "payment-service",
					"order.events.v1", "inventory.events.v1");
			List<DestinationTopic> destinations = configuration.getDestinationTopicProperties()
				.stream()
				.map((properties) -> new DestinationTopic("inventory.events.v1" + properties.suffix(), properties))
				.toList();

			// what the listener's start-up does, and where it used to fail
			assertThatNoException().as("start %d", start)
				.isThrownBy(() -> new DefaultDestinationTopicResolver().addDestinationTopics("listener", destinations));
		}
	}

}
