package org.dsmastery.messaging;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the {@code processed_message} table and the {@link IdempotentConsumer}.
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

}
