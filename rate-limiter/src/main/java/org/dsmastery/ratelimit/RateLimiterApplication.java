package org.dsmastery.ratelimit;

import org.dsmastery.ratelimiting.RedisRateLimiter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@SpringBootApplication
public class RateLimiterApplication {

	public static void main(String[] args) {
		SpringApplication.run(RateLimiterApplication.class, args);
	}

	@Bean
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis) {
		return new RedisRateLimiter(redis, "rl:");
	}

}
