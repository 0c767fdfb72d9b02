package org.dsmastery.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@AutoConfigureWebTestClient
@UsesInfrastructure(Infra.REDIS)
class RateLimiterApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Test
	void decidesByTheMostSpecificRuleAndRefusesPastTheBurst() {
		String customer = UUID.randomUUID().toString();
		for (int i = 0; i < 10; i++) {
			assertThat(decide("order-service", "CUSTOMER", customer, "free")).containsEntry("allowed", true)
				.containsEntry("ruleId", "orders-free")
				.containsEntry("remaining", 9 - i);
		}

		Map<String, Object> refused = decide("order-service", "CUSTOMER", customer, "free");

		assertThat(refused).containsEntry("allowed", false);
		assertThat(((Number) refused.get("retryAfterMs")).longValue()).isPositive();
		assertThat(decide("order-service", "CUSTOMER", customer, "pro")).containsEntry("ruleId", "orders-pro")
			.containsEntry("allowed", true);
		assertThat(decide("inventory-service", "IP", "10.0.0.1", null)).containsEntry("ruleId", "default-ip");
		assertThat(decide("inventory-service", "CUSTOMER", customer, null)).containsEntry("ruleId", null)
			.containsEntry("allowed", true);
	}

	@Test
	void appliesARuleChangedAtRuntime() {
		String route = "route-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.put()
			.uri("/api/rate-limits/rules/{id}", route + "-strict")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("route", route, "keyKind", "API_KEY", "tier", "*", "algorithm", "SLIDING_WINDOW",
					"capacity", 2, "ratePerSecond", 0.5))
			.exchange()
			.expectStatus()
			.isOk();

		List<Object> allowed = List.of(decide(route, "API_KEY", "key-1", null).get("allowed"),
				decide(route, "API_KEY", "key-1", null).get("allowed"),
				decide(route, "API_KEY", "key-1", null).get("allowed"));

		assertThat(allowed).containsExactly(true, true, false);
		assertThat(decide(route, "API_KEY", "key-1", null)).containsEntry("ruleId", route + "-strict");
		this.client.delete()
			.uri("/api/rate-limits/rules/{id}", route + "-strict")
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.delete()
			.uri("/api/rate-limits/rules/{id}", route + "-strict")
			.exchange()
			.expectStatus()
			.isNotFound();
		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(decide(route, "API_KEY", "key-1", null)).containsEntry("ruleId",
					"default-api-key"));
	}

	@Test
	void decidesABatchInOrder() {
		String customer = UUID.randomUUID().toString();
		Map<String, Object> response = this.client.post()
			.uri("/api/rate-limits/decisions/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("requests",
					List.of(request("order-service", "CUSTOMER", customer, "free", 10),
							request("order-service", "CUSTOMER", customer, "free", 1),
							request("any", "IP", "10.1.1.1", null, 1))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();

		assertThat(response.get("decisions").toString()).contains("allowed=true", "allowed=false");
		assertThat((List<?>) response.get("decisions")).hasSize(3);
	}

	@Test
	void answersBadRequestsWithProblems() {
		this.client.post()
			.uri("/api/rate-limits/decisions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("route", "order-service", "keyKind", "CUSTOMER"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/key");
		this.client.post()
			.uri("/api/rate-limits/decisions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"route\":\"r\",\"keyKind\":\"PHONE\",\"key\":\"k\"}")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.put()
			.uri("/api/rate-limits/rules/bad-rule")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("route", "r", "keyKind", "IP", "tier", "*", "algorithm", "TOKEN_BUCKET", "capacity", 0,
					"ratePerSecond", 1))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private Map<String, Object> decide(String route, String keyKind, String key, String tier) {
		return this.client.post()
			.uri("/api/rate-limits/decisions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request(route, keyKind, key, tier, 1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> request(String route, String keyKind, String key, String tier, int permits) {
		Map<String, Object> request = new java.util.HashMap<>(
				Map.of("route", route, "keyKind", keyKind, "key", key, "permits", permits));
		if (tier != null) {
			request.put("tier", tier);
		}
		return request;
	}

}
