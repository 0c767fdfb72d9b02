package org.dsmastery.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.ProducerListener;

/**
 * How a service's consumers belong to their groups, so that a crashed consumer stops
 * blocking its partitions within seconds (ADR 0020): static members with a short session
 * ({@link ConsumerMembership}), which leave their group when they close cleanly
 * ({@link LeaveOnCloseConsumerFactory}); and counts what the retry policy sends
 * ({@link RetryMetrics}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ConcurrentMessageListenerContainer.class)
public class ConsumerGroupsAutoConfiguration {

	/**
	 * Static membership under {@code shop.messaging.instance-id} (unset: dynamic) and a
	 * session of {@code shop.messaging.session-timeout} (10 s) for every listener.
	 * @param environment where the two settings come from
	 * @return the container customizer Spring Boot's listener container factory applies
	 */
	@Bean
	@ConditionalOnMissingBean(ContainerCustomizer.class)
	ConsumerMembership consumerMembership(Environment environment) {
		return new ConsumerMembership(environment.getProperty("shop.messaging.instance-id"),
				environment.getProperty("shop.messaging.session-timeout", Duration.class, Duration.ofSeconds(10)));
	}

	/**
	 * Counts retries and dead letters; Spring Boot gives its {@code KafkaTemplate} this
	 * producer listener instead of its logging one.
	 * @param registry the service's meter registry
	 * @return the listener
	 */
	@Bean
	@ConditionalOnMissingBean(ProducerListener.class)
	RetryMetrics retryMetrics(ObjectProvider<MeterRegistry> registry) {
		return new RetryMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	/**
	 * Swaps Spring Boot's consumer factory, once configured, for one whose consumers
	 * leave their group on a clean close.
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor leaveOnCloseConsumerFactory() {
		return new LeaveOnCloseConsumerFactory.Installer();
	}

}
