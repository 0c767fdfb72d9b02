package org.dsmastery.ratelimit;

import io.lettuce.core.RedisClient;
import org.dsmastery.ratelimiting.RedisRateLimiter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@SpringBootApplication
public class RateLimiterApplication {

	public static void main(String[] args) {
		SpringApplication.run(RateLimiterApplication.class, args);
	}

	/**
	 * The decisions run their scripts on their own Lettuce connection, opened from the
	 * client Spring Boot configured ({@code spring.data.redis.*}): they are the hot path;
	 * the rules and the health check use Spring Data's template.
	 * @param connectionFactory Spring Boot's connection factory
	 * @return the limiter
	 */
	@Bean
	RedisRateLimiter redisRateLimiter(LettuceConnectionFactory connectionFactory) {
		return new RedisRateLimiter((RedisClient) connectionFactory.getRequiredNativeClient(), "rl:");
	}

}
