package org.dsmastery.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the {@link IdempotencyFilter} for {@code shop.idempotency.paths}, creates its
 * table and purges expired keys every ten minutes.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

	@Bean
	IdempotencyStore idempotencyStore(DataSource dataSource, JdbcTemplate jdbc, IdempotencyProperties properties) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/idempotency")
			.table("flyway_history_idempotency")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new IdempotencyStore(jdbc, properties.retention());
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
			TransactionTemplate transactions, IdempotencyProperties properties) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(store, transactions, properties.paths(), JsonMapper.builder().build()));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

	@Bean
	Purger idempotencyKeyPurger(IdempotencyStore store) {
		return new Purger(store);
	}

	/**
	 * Deletes expired keys in the background.
	 */
	static final class Purger implements DisposableBean {

		private static final Logger logger = LoggerFactory.getLogger(Purger.class);

		private final ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-purge").daemon().factory());

		Purger(IdempotencyStore store) {
			this.scheduler.scheduleWithFixedDelay(() -> {
				try {
					int purged = store.purgeExpired();
					if (purged > 0) {
						logger.info("Purged {} expired idempotency keys", purged);
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Could not purge expired idempotency keys: {}", ex.toString());
				}
			}, 1, 10, TimeUnit.MINUTES);
		}

		@Override
		public void destroy() {
			this.scheduler.shutdownNow();
		}

	}

}
