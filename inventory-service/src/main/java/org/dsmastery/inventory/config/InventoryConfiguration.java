package org.dsmastery.inventory.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.inventory.adapter.in.scheduling.CounterFlushSchedule;
import org.dsmastery.inventory.adapter.out.cache.RedisProductCache;
import org.dsmastery.inventory.adapter.out.lock.RedissonSkuLocks;
import org.dsmastery.inventory.application.CounterFlush;
import org.dsmastery.inventory.application.ReservationService;
import org.dsmastery.inventory.application.SkuLocks;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.MessagingRetry;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.redisson.api.RedissonClient;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

/**
 * The inventory service's infrastructure beans: fenced sku locks and their recovery, the
 * product cache, the counters' flush, retry policy of the listeners.
 */
@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

	@Bean
	SkuLocks skuLocks(RedissonClient redisson, InventoryProperties properties, MeterRegistry meters,
			ObservationRegistry observations) {
		return new RedissonSkuLocks(redisson, properties.lock().waitTime(), properties.lock().lease(), meters,
				observations);
	}

	@Bean
	RedisProductCache productCache(StringRedisTemplate redis, InventoryProperties properties, MeterRegistry meters) {
		return new RedisProductCache(redis, properties.cache().ttl(), meters);
	}

	@Bean
	CounterFlushSchedule counterFlushSchedule(CounterFlush flush, InventoryProperties properties) {
		return new CounterFlushSchedule(flush, properties.counters().flushInterval());
	}

	/**
	 * Redis of the local platform keeps no data across restarts, PostgreSQL does: the
	 * lock token counters must catch up with the fences before allocations can write.
	 */
	@Bean
	ApplicationRunner lockTokenCatchUp(ReservationService reservations) {
		return (arguments) -> reservations.catchUpLockTokens();
	}

	/**
	 * Transient failures of every listener (a lock that stayed taken, a stale fencing
	 * token, an unreachable database) go through the retry topics, then the DLT.
	 */
	@Bean
	RetryTopicConfiguration inventoryCommandsRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forTopics(template, InventoryTopics.COMMANDS);
	}

	/**
	 * The same for the events other services read too, on retry topics of its own:
	 * {@code order.events.v1.inventory-service.retry-0}, ...
	 */
	@Bean
	RetryTopicConfiguration inventoryEventsRetry(KafkaTemplate<String, String> template) {
		return MessagingRetry.forSharedTopics(template, "inventory-service", OrderTopics.EVENTS, PaymentTopics.EVENTS);
	}

}
