package org.dsmastery.messaging;

import java.util.List;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

/**
 * The platform's retry policy for message handlers: a transient failure is retried
 * through retry topics ({@code <topic>.retry-0}, {@code -1}, {@code -2}) with exponential
 * backoff, so the main topic keeps flowing; a poison message (one that can never succeed)
 * goes straight to {@code <topic>.DLT}, as does a message that failed every attempt.
 * <p>
 * The delays are {@link #DELAYS_MS} exactly, without jitter. A retry topic's delay is
 * computed once, when the listener's topology is built at start-up, so jitter would not
 * spread one message's retries anyway; it only made the topology random. Two equal random
 * delays made Spring Kafka treat them as one reusable topic in the middle of the chain,
 * which it refuses: the service failed to start about once in 400 configurations
 * ({@code MessagingRetryTopologyTests}). Retries of different messages are spread by the
 * time each one failed.
 */
public final class MessagingRetry {

	/** Attempts in all, the first included. */
	public static final int MAX_ATTEMPTS = 4;

	/** The delay before each retry, in milliseconds: one retry topic each. */
	public static final List<Long> DELAYS_MS = List.of(500L, 1_000L, 2_000L);

	private MessagingRetry() {
	}

	/**
	 * Returns the retry configuration for listeners of the given topics.
	 * @param template publishes to the retry topics and the DLT
	 * @param topics the main topics this configuration covers
	 * @return the configuration, to expose as a bean
	 */
	public static RetryTopicConfiguration forTopics(KafkaTemplate<?, ?> template, String... topics) {
		return create(template, ".retry", topics);
	}

	/**
	 * Returns the retry configuration for listeners of topics that other services consume
	 * too, such as another service's events: the retry topics carry the consumer's name
	 * ({@code order.events.v1.payment-service.retry-0}), so a message one service retries
	 * is not delivered again to every other service that reads the topic. The DLT stays
	 * {@code <topic>.DLT}; its records name the failed consumer group in a header.
	 * @param template publishes to the retry topics and the DLT
	 * @param consumer the consuming service, such as {@code payment-service}
	 * @param topics the main topics this configuration covers
	 * @return the configuration, to expose as a bean
	 */
	public static RetryTopicConfiguration forSharedTopics(KafkaTemplate<?, ?> template, String consumer,
			String... topics) {
		return create(template, "." + consumer + ".retry", topics);
	}

	private static RetryTopicConfiguration create(KafkaTemplate<?, ?> template, String retrySuffix, String... topics) {
		return RetryTopicConfigurationBuilder.newInstance()
			.exponentialBackoff(DELAYS_MS.getFirst(), 2.0, DELAYS_MS.getLast())
			.maxAttempts(MAX_ATTEMPTS)
			.retryTopicSuffix(retrySuffix)
			// retry-0, retry-1, retry-2: names by position, not by delay
			.suffixTopicsWithIndexValues()
			.dltSuffix(".DLT")
			.notRetryOn(List.of(DeserializationException.class, MessageConversionException.class,
					IllegalArgumentException.class))
			.includeTopics(List.of(topics))
			.autoCreateTopicsWith(3, (short) 1)
			.create(template);
	}

}
