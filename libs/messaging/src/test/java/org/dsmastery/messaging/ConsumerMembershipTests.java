package org.dsmastery.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ConsumerMembership} sets on a listener container. That a restarted static
 * member reads again at once is proven end to end ({@code kill -9} of payment-service in
 * e2e-tests) and measured by {@code ./platform bench consumer-recovery}.
 */
class ConsumerMembershipTests {

	@Test
	void aNamedProcessJoinsAsAStaticMemberPerListenerWithAShortSession() {
		Properties consumer = configure(new ConsumerMembership("payment-service-8082", Duration.ofSeconds(10)),
				"payment-commands");

		assertThat(consumer.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
			.isEqualTo("payment-service-8082.payment-commands");
		assertThat(consumer.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
		assertThat(consumer.getProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo("3333");
	}

	@Test
	void anUnnamedProcessStaysADynamicMemberWithTheShortSession() {
		Properties consumer = configure(new ConsumerMembership(" ", Duration.ofSeconds(12)), "payment-commands");

		assertThat(consumer.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isNull();
		assertThat(consumer.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("12000");
	}

	@Test
	void listenerIdsBecomeLegalInstanceIds() {
		ConsumerMembership membership = new ConsumerMembership("order-service@host:8081", Duration.ofSeconds(10));

		assertThat(membership.groupInstanceId("org.springframework.kafka.KafkaListenerEndpointContainer#0"))
			.isEqualTo("order-service_host_8081.org.springframework.kafka.KafkaListenerEndpointContainer_0")
			.matches("[a-zA-Z0-9._-]+");
	}

	private static Properties configure(ConsumerMembership membership, String listenerId) {
		ContainerProperties properties = new ContainerProperties("payment.commands.v1");
		properties.setMessageListener((MessageListener<Object, Object>) (record) -> {
		});
		ConcurrentMessageListenerContainer<Object, Object> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(Map.of()), properties);
		container.setBeanName(listenerId);
		membership.configure(container);
		return container.getContainerProperties().getKafkaConsumerProperties();
	}

}
