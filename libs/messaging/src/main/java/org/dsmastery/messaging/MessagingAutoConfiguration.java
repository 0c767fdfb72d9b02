package org.dsmastery.messaging;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the {@code processed_message} table and the {@link IdempotentConsumer}, and
 * sets how listener containers belong to their groups ({@link ConsumerMembership}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
public class MessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdempotentConsumer idempotentConsumer(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions) {
		LibrarySchema.migrate(dataSource, "messaging");
		return new IdempotentConsumer(jdbc, transactions);
	}

	/**
	 * Static membership under {@code shop.messaging.instance-id} (unset: dynamic) and a
	 * session of {@code shop.messaging.session-timeout} (10 s) for every listener.
	 * @param environment where the two settings come from
	 * @return the container customizer Spring Boot's listener container factory applies
	 */
	@Bean
	@ConditionalOnClass(ConcurrentMessageListenerContainer.class)
	@ConditionalOnMissingBean(ContainerCustomizer.class)
	ConsumerMembership consumerMembership(Environment environment) {
		return new ConsumerMembership(environment.getProperty("shop.messaging.instance-id"),
				environment.getProperty("shop.messaging.session-timeout", Duration.class, Duration.ofSeconds(10)));
	}

}
