package org.dsmastery.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.ratelimiting.RedisRateLimiter;
import org.dsmastery.ratelimiting.RedisRules;
import org.dsmastery.ratelimiting.RuleBasedRateLimiter;
import org.dsmastery.ratelimiting.RulesReload;
import org.dsmastery.servicedefaults.security.ServiceTokenFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires gateway rate limiting: a decider per {@code shop.gateway.rate-limit.mode} (the
 * rate-limiter service, or Redis directly), a time limit and a circuit breaker around it,
 * the local fallback buckets, and the runtime switch.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "shop.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RateLimitSwitch rateLimitSwitch(RateLimitProperties properties) {
		return new RateLimitSwitch(properties);
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitDecider decider, RateLimitProperties properties,
			RateLimitSwitch rateLimitSwitch, MeterRegistry meterRegistry) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
		GuardedRateLimiter limiter = new GuardedRateLimiter(decider, properties.timeout(),
				registry.circuitBreaker("rate-limiter"),
				new LocalFallbackBuckets(properties.fallbackCapacity(), properties.fallbackRatePerSecond()));
		PermitLeases leases = new PermitLeases(limiter, properties.leaseFraction(), properties.maxLease(),
				properties.leaseTerm(), System::nanoTime);
		return new RateLimitFilter(leases, rateLimitSwitch, meterRegistry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "shop.gateway.rate-limit.enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "shop.gateway.rate-limit.mode", havingValue = "remote", matchIfMissing = true)
	static class RemoteMode {

		@Bean
		RateLimitDecider remoteRateLimiter(RateLimitProperties properties,
				ReactorLoadBalancerExchangeFilterFunction loadBalancer, ServiceTokenFilter serviceToken,
				ObservationRegistry observationRegistry) {
			// observed: http.client.requests metrics (client.name rate-limiter) and a
			// client span whose traceparent the rate-limiter continues; the gateway asks
			// with its own token (scope internal), not the caller's
			return new RemoteRateLimiter(WebClient.builder()
				.baseUrl(properties.serviceUrl())
				.filter(serviceToken)
				.filter(loadBalancer)
				.observationRegistry(observationRegistry)
				.build());
		}

	}

	/**
	 * The gateway's own Redis connection, only in {@code redis} mode: the gateway does
	 * not use Spring Boot's Redis auto-configuration, so {@code remote} mode neither
	 * connects to Redis nor reports its health.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "shop.gateway.rate-limit.enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "shop.gateway.rate-limit.mode", havingValue = "redis")
	static class RedisMode {

		@Bean
		LettuceConnectionFactory rateLimitRedisConnectionFactory(Environment environment,
				RateLimitProperties properties) {
			RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(
					environment.getProperty("spring.data.redis.host", "127.0.0.1"),
					environment.getProperty("spring.data.redis.port", Integer.class, 16379));
			// the ACL user of the secure-backing profile, when there is one
			server.setUsername(environment.getProperty("spring.data.redis.username"));
			server.setPassword(RedisPassword.of(environment.getProperty("spring.data.redis.password")));
			return new LettuceConnectionFactory(server,
					LettuceClientConfiguration.builder().commandTimeout(properties.timeout().multipliedBy(4)).build());
		}

		// rateLimitRulesReload closes it before the factory stops; close here is a no-op
		// then
		@Bean(destroyMethod = "close")
		RedisRules rateLimitRules(LettuceConnectionFactory rateLimitRedisConnectionFactory,
				RateLimitProperties properties) {
			return new RedisRules(new ReactiveStringRedisTemplate(rateLimitRedisConnectionFactory),
					RedisRules.DEFAULT_KEY, properties.rulesRefresh())
				.start();
		}

		// the rules start reloading when created (the decider needs them at once); this
		// stops them before the connection factory
		@Bean
		RulesReload rateLimitRulesReload(RedisRules rateLimitRules) {
			return new RulesReload(rateLimitRules, List.of(), List.of());
		}

		@Bean
		RedisRateLimiter rateLimitRedisLimiter(LettuceConnectionFactory rateLimitRedisConnectionFactory) {
			// the rate-limiter service's key prefix: both modes count in the same buckets
			return new RedisRateLimiter((RedisClient) rateLimitRedisConnectionFactory.getRequiredNativeClient(), "rl:");
		}

		@Bean
		RateLimitDecider redisRateLimitDecider(RedisRateLimiter rateLimitRedisLimiter, RedisRules rateLimitRules) {
			return new RedisRateLimitDecider(new RuleBasedRateLimiter(rateLimitRules, rateLimitRedisLimiter));
		}

	}

}
