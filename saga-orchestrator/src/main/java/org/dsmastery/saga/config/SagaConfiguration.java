package org.dsmastery.saga.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.MessagingRetry;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.saga.application.SagaAudit;
import org.dsmastery.saga.application.SagaCommandSender;
import org.dsmastery.saga.application.SagaRepository;
import org.dsmastery.saga.application.SagaService;
import org.dsmastery.saga.domain.SagaTimeouts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The orchestrator's beans: the saga service with its timeouts, the audit, and the retry
 * topics of the listeners.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SagaProperties.class)
class SagaConfiguration {

	@Bean
	SagaTimeouts sagaTimeouts(SagaProperties properties) {
		return properties.timeouts();
	}

	@Bean
	SagaService sagaService(SagaRepository sagas, SagaCommandSender commands, Clock clock, SagaTimeouts timeouts,
			MeterRegistry meters, ObservationRegistry observations) {
		return new SagaService(sagas, commands, clock, timeouts, meters, observations);
	}

	/**
	 * The timer of the Observation {@code saga.step} carries the step as {@code step}
	 * ({@code saga_step_seconds{step,outcome}}); its span keeps {@code saga.step}.
	 */
	@Bean
	MeterFilter sagaStepTagName() {
		return MeterFilter.renameTag("saga.step", "saga.step", "step");
	}

	@Bean
	SagaAudit sagaAudit(SagaRepository sagas, JdbcTemplate jdbc, Clock clock, SagaProperties properties) {
		return new SagaAudit(sagas, () -> jdbc.queryForObject("select count(*) from outbox_message", Long.class), clock,
				properties.auditGrace());
	}

	@Bean
	RetryTopicConfiguration sagaMessagesRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forSharedTopics(template, "saga-orchestrator", OrderTopics.EVENTS, InventoryTopics.EVENTS,
				PaymentTopics.EVENTS);
	}

}
