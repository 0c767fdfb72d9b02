package org.dsmastery.ratelimit.rules;

import java.time.Duration;

import org.dsmastery.ratelimiting.RedisRules;
import org.dsmastery.ratelimiting.RulesReload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The rules of {@link RuleStore}, reloaded every second from the moment the Redis
 * connection factory has started until it stops, seeded with the defaults on a fresh
 * Redis.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RedisRules redisRules(ReactiveStringRedisTemplate redis) {
		return new RedisRules(redis, RuleStore.KEY, Duration.ofSeconds(1));
	}

	@Bean
	RulesReload rulesReload(RedisRules redisRules) {
		return new RulesReload(redisRules, RuleStore.DEFAULTS, RuleStore.DEFAULT_TIERS);
	}

}
