package org.dsmastery.messaging;

import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.util.StringUtils;

/**
 * How a service's listener containers belong to their consumer groups, so that a consumer
 * killed with {@code kill -9} stops blocking its partitions within seconds, not the 45 s
 * of Kafka's default session (ADR 0020, measured by {@code ./platform bench
 * consumer-recovery}):
 * <ul>
 * <li>a short session ({@code session.timeout.ms}, 10 s by default, heartbeats every
 * third of it): a member that is gone for good, such as a lost machine or a scaled-down
 * instance, has its partitions given to the others after the session;</li>
 * <li>static membership when the process has a stable name
 * ({@code shop.messaging.instance-id}, which {@code ./platform up} sets to
 * {@code <service>-<port>}): a restarted process takes its predecessor's place and
 * partitions at once, without waiting for the dead member's session to expire and without
 * a rebalance of the others.</li>
 * </ul>
 * Each container's {@code group.instance.id} is the instance id and the container's
 * listener id, so two listeners of one service never share one even in one group.
 */
final class ConsumerMembership
		implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

	private static final Pattern ILLEGAL = Pattern.compile("[^a-zA-Z0-9._-]");

	private final String instanceId;

	private final Duration sessionTimeout;

	/**
	 * Creates the membership settings.
	 * @param instanceId the process's stable name, or {@code null} or empty for dynamic
	 * membership
	 * @param sessionTimeout how long a silent member keeps its partitions
	 */
	ConsumerMembership(String instanceId, Duration sessionTimeout) {
		this.instanceId = StringUtils.hasText(instanceId) ? instanceId : null;
		this.sessionTimeout = sessionTimeout;
	}

	@Override
	public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
		Properties consumer = container.getContainerProperties().getKafkaConsumerProperties();
		long session = this.sessionTimeout.toMillis();
		consumer.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(session));
		consumer.setProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(session / 3));
		if (this.instanceId != null) {
			consumer.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId(container.getListenerId()));
		}
	}

	/**
	 * Returns the {@code group.instance.id} of a listener: legal characters only.
	 * @param listenerId the container's listener id
	 * @return the id, or {@code null} with dynamic membership
	 */
	String groupInstanceId(String listenerId) {
		if (this.instanceId == null) {
			return null;
		}
		return ILLEGAL.matcher(this.instanceId + "." + listenerId).replaceAll("_");
	}

}
