package org.dsmastery.messaging;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Counts what the retry policy ({@link MessagingRetry}) sends: every record published to
 * a retry topic is a retry ({@code messaging.retries}), every record published to a dead
 * letter topic is a message given up on ({@code messaging.dead.letters}). Both are tagged
 * with the main topic and the consumer group that failed, so an alert on dead letters
 * names the service to look at. Once the listeners are set up, both counters exist at
 * zero for every main topic the service retries, so that "no retry" is a 0 on a dashboard
 * rather than a missing series. Failures to send are logged as Spring Kafka's default
 * listener logs them.
 */
public class RetryMetrics implements ProducerListener<Object, Object>, ApplicationListener<ContextRefreshedEvent> {

	private static final Pattern RETRY_SUFFIX = Pattern.compile("\\.retry-\\d+$");

	private static final String DLT_SUFFIX = ".DLT";

	private final MeterRegistry registry;

	private final ProducerListener<Object, Object> logging = new LoggingProducerListener<>();

	/**
	 * Creates the listener.
	 * @param registry where the counters are registered
	 */
	public RetryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
		String topic = record.topic();
		String consumer = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		if (topic.endsWith(DLT_SUFFIX)) {
			counter("messaging.dead.letters", "Messages given up on: published to a dead letter topic",
					mainTopic(topic.substring(0, topic.length() - DLT_SUFFIX.length()), consumer), consumer)
				.increment();
		}
		else if (RETRY_SUFFIX.matcher(topic).find()) {
			counter("messaging.retries", "Messages sent to a retry topic after a failed attempt",
					mainTopic(RETRY_SUFFIX.matcher(topic).replaceFirst(""), consumer), consumer)
				.increment();
		}
	}

	/**
	 * Registers both counters at zero for every listened topic that has retry topics.
	 * @param event the context is refreshed: every listener container exists
	 */
	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		event.getApplicationContext()
			.getBeanProvider(KafkaListenerEndpointRegistry.class)
			.ifAvailable((registry) -> registry.getAllListenerContainers().forEach(this::initialize));
	}

	private void initialize(MessageListenerContainer container) {
		String[] topics = container.getContainerProperties().getTopics();
		String group = container.getGroupId();
		if (topics == null || group == null) {
			return;
		}
		for (String topic : topics) {
			Matcher retry = RETRY_SUFFIX.matcher(topic);
			if (retry.find() && topic.endsWith(".retry-0")) {
				String main = mainTopic(retry.replaceFirst(""), group);
				counter("messaging.retries", "Messages sent to a retry topic after a failed attempt", main, group);
				counter("messaging.dead.letters", "Messages given up on: published to a dead letter topic", main,
						group);
			}
		}
	}

	@Override
	public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
		this.logging.onError(record, metadata, exception);
	}

	private Counter counter(String name, String description, String topic, @Nullable String consumer) {
		return Counter.builder(name)
			.description(description)
			.tag("topic", topic)
			.tag("consumer", (consumer != null) ? consumer : "unknown")
			.register(this.registry);
	}

	/**
	 * The main topic of a retry topic: a topic several services consume has the
	 * consumer's name before {@code .retry-N} ({@link MessagingRetry#forSharedTopics}).
	 */
	private static String mainTopic(String topic, @Nullable String consumer) {
		if (consumer != null && topic.endsWith("." + consumer)) {
			return topic.substring(0, topic.length() - consumer.length() - 1);
		}
		return topic;
	}

	private static @Nullable String header(ProducerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
