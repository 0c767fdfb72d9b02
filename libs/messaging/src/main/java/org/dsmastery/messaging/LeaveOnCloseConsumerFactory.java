package org.dsmastery.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Spring Boot's consumer factory, except that its consumers leave their group when they
 * are closed, static members too. Kafka keeps a static member in its group after a clean
 * close, until its session ends: its partitions paused for the session on every
 * {@code ./platform down} or rolling restart, and the broker, if it stopped within the
 * session, logged errors as the member's session timer fired during its own shutdown. A
 * member killed with {@code kill -9} closes nothing, so it keeps what static membership
 * is for: its successor takes its place at once (ADR 0020).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LeaveOnCloseConsumerFactory<K, V> extends DefaultKafkaConsumerFactory<K, V> {

	private static final Logger logger = LoggerFactory.getLogger(LeaveOnCloseConsumerFactory.class);

	private static final CloseOptions LEAVE = CloseOptions
		.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP);

	/**
	 * Takes over a configured factory: its configuration, listeners and post-processors.
	 * @param configured the factory Spring Boot configured
	 */
	LeaveOnCloseConsumerFactory(DefaultKafkaConsumerFactory<K, V> configured) {
		super(configured.getConfigurationProperties(), configured.getKeyDeserializer(),
				configured.getValueDeserializer());
		configured.getListeners().forEach(this::addListener);
		configured.getPostProcessors().forEach(this::addPostProcessor);
	}

	@Override
	protected Consumer<K, V> createRawConsumer(Map<String, Object> configProps) {
		return new LeavingConsumer(configProps);
	}

	/**
	 * Swaps Spring Boot's consumer factory, once its customizers have run, for this one.
	 */
	static final class Installer implements BeanPostProcessor, ApplicationContextAware {

		private ApplicationContext context;

		@Override
		public void setApplicationContext(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof DefaultKafkaConsumerFactory<?, ?> configured
					&& !(bean instanceof LeaveOnCloseConsumerFactory<?, ?>)) {
				LeaveOnCloseConsumerFactory<?, ?> factory = new LeaveOnCloseConsumerFactory<>(configured);
				factory.setBeanName(beanName);
				factory.setApplicationContext(this.context);
				return factory;
			}
			return bean;
		}

	}

	private final class LeavingConsumer extends ExtendedKafkaConsumer {

		private final String groupId;

		private final String instanceId;

		private final Map<String, Object> adminConfig;

		private LeavingConsumer(Map<String, Object> configProps) {
			super(configProps);
			this.groupId = (String) configProps.get(ConsumerConfig.GROUP_ID_CONFIG);
			this.instanceId = (String) configProps.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
			this.adminConfig = configProps.entrySet()
				.stream()
				.filter((entry) -> AdminClientConfig.configNames().contains(entry.getKey()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}

		@Override
		public void close() {
			close(LEAVE);
			// A listener container unsubscribes before it closes, and a static member
			// that unsubscribes forgets its membership without leaving: the close above
			// then has nothing to leave, and the group keeps the member for its session.
			// The group coordinator removes it by its instance id instead.
			if (this.instanceId != null && this.groupId != null) {
				removeFromGroup();
			}
		}

		private void removeFromGroup() {
			try (Admin admin = Admin.create(this.adminConfig)) {
				admin
					.removeMembersFromConsumerGroup(this.groupId,
							new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(this.instanceId))))
					.all()
					.get(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// the group may be gone, or the broker stopping: the session ends it
				logger.debug("Static member {} of {} left to its session: {}", this.instanceId, this.groupId,
						ex.toString());
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
