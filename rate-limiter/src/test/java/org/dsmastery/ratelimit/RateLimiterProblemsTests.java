package org.dsmastery.ratelimit;

import io.lettuce.core.RedisCommandTimeoutException;
import org.dsmastery.ratelimiting.RedisUnavailableException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A decision Redis cannot make is a 503 problem with {@code Retry-After}, not a 500.
 */
class RateLimiterProblemsTests {

	private final WebTestClient client = WebTestClient.bindToController(new FailingDecisions())
		.controllerAdvice(new RateLimiterProblems())
		.build();

	@Test
	void notConnectedYetIs503() {
		this.client.get()
			.uri("/not-connected")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/limiter-unavailable")
			.jsonPath("$.detail")
			.isEqualTo("rate-limit decisions need Redis, which does not answer: not connected to Redis yet");
	}

	@Test
	void aRedisTimeoutIs503() {
		this.client.get()
			.uri("/timed-out")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/limiter-unavailable");
	}

	@RestController
	static class FailingDecisions {

		@GetMapping("/not-connected")
		Mono<String> notConnected() {
			return Mono.error(new RedisUnavailableException("not connected to Redis yet"));
		}

		@GetMapping("/timed-out")
		Mono<String> timedOut() {
			return Mono.error(new RedisCommandTimeoutException("Command timed out after 500 millisecond(s)"));
		}

	}

}
