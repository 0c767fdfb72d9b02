package org.dsmastery.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.StatusAssertions;
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

	/**
	 * Every request is the operator's unless a test says otherwise.
	 */
	@BeforeEach
	void asOperator() {
		this.client = this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
	}

	/**
	 * Only the platform's services and its operators ask for decisions or touch rules and
	 * tiers: a shopper could otherwise drain another caller's bucket or plan around the
	 * rules.
	 */
	@Test
	void answersOnlyServicesAndOperators() {
		String decision = "{\"route\":\"r\",\"keyKind\":\"CUSTOMER\",\"key\":\"42\"}";
		this.client.post()
			.uri("/api/rate-limits/decisions")
			.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().internal()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(decision)
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/api/rate-limits/decisions")
			.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().shopper("42")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(decision)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/rate-limits/rules")
			.headers((headers) -> headers.setBearerAuth(TestIdentity.shared().internal()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.mutate()
			.defaultHeaders((headers) -> headers.remove("Authorization"))
			.build()
			.get()
			.uri("/api/rate-limits/tiers")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void decidesByTheMostSpecificRuleForTheRegisteredTierAndRefusesPastTheBurst() {
		String customer = UUID.randomUUID().toString();
		assertThat(decide("order-service", "CUSTOMER", customer)).containsEntry("allowed", true)
			.containsEntry("ruleId", "orders-free")
			.containsEntry("tier", "free")
			.containsEntry("remaining", 9);
		// two whole bursts one after the other: the bucket refills 2 per second, so at
		// least
		// one of them is refused however slow the machine (it would take 5 s to refill)
		List<Map<String, Object>> bursts = List.of(decide("order-service", "CUSTOMER", customer, 10),
				decide("order-service", "CUSTOMER", customer, 10));

		assertThat(bursts).filteredOn((decision) -> Boolean.FALSE.equals(decision.get("allowed")))
			.isNotEmpty()
			.allSatisfy((refused) -> assertThat(((Number) refused.get("retryAfterMs")).longValue()).isPositive());
		assertThat(decide("inventory-service", "IP", "10.0.0.1")).containsEntry("ruleId", "default-ip");
		assertThat(decide("inventory-service", "CUSTOMER", customer)).containsEntry("ruleId", null)
			.containsEntry("allowed", true);

		// the customer upgrades: the pro rule applies at once, counted afresh
		assign("CUSTOMER", customer, "pro").isOk().expectBody().jsonPath("$.tier").isEqualTo("pro");
		assertThat(decide("order-service", "CUSTOMER", customer)).containsEntry("ruleId", "orders-pro")
			.containsEntry("tier", "pro")
			.containsEntry("allowed", true);
		this.client.get()
			.uri("/api/rate-limits/tiers/CUSTOMER/{key}", customer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tier")
			.isEqualTo("pro");
		this.client.delete()
			.uri("/api/rate-limits/tiers/CUSTOMER/{key}", customer)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.delete()
			.uri("/api/rate-limits/tiers/CUSTOMER/{key}", customer)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(decide("order-service", "CUSTOMER", customer)).containsEntry("ruleId", "orders-free")
			.containsEntry("tier", "free");
	}

	@Test
	void countsEachDecisionByTierAndOutcome() {
		String customer = UUID.randomUUID().toString();
		double allowedBefore = decisions("free", "allowed");
		double rejectedBefore = decisions("free", "rejected");

		// a fresh burst of 10, then two more of 10 the bucket cannot refill in time for
		// both
		List<Map<String, Object>> answers = List.of(decide("order-service", "CUSTOMER", customer, 10),
				decide("order-service", "CUSTOMER", customer, 10), decide("order-service", "CUSTOMER", customer, 10));

		long allowed = answers.stream().filter((answer) -> Boolean.TRUE.equals(answer.get("allowed"))).count();
		assertThat(allowed).isBetween(1L, 2L);
		assertThat(decisions("free", "allowed")).isEqualTo(allowedBefore + allowed);
		assertThat(decisions("free", "rejected")).isEqualTo(rejectedBefore + 3 - allowed);

		// a tier from the registry; a request no rule covers is an allowed decision too
		String internal = UUID.randomUUID().toString();
		assign("CLIENT", internal, "internal").isOk();
		double internalBefore = decisions("internal", "allowed");
		assertThat(decide("order-service", "CLIENT", internal)).containsEntry("allowed", true)
			.containsEntry("tier", "internal");
		assertThat(decisions("internal", "allowed")).isEqualTo(internalBefore + 1);
		this.client.delete()
			.uri("/api/rate-limits/tiers/CLIENT/{key}", internal)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	/**
	 * Reads {@code ratelimit_decisions_total} as Prometheus scrapes it.
	 */
	private double decisions(String tier, String outcome) {
		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> samples = scrape.lines()
			.filter((line) -> line.startsWith("ratelimit_decisions_total{") && line.contains("tier=\"" + tier + "\"")
					&& line.contains("outcome=\"" + outcome + "\""))
			.toList();
		assertThat(samples).hasSizeLessThan(2);
		return samples.isEmpty() ? 0
				: Double.parseDouble(samples.get(0).substring(samples.get(0).lastIndexOf(' ') + 1));
	}

	@Test
	void takesNoTierFromTheRequestAndSeedsThePlatformsOwnKeys() {
		this.client.post()
			.uri("/api/rate-limits/decisions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("route", "r", "keyKind", "CLIENT", "key", "claimer", "tier", "internal"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(decide("id-generator", "CLIENT", "claimer")).containsEntry("ruleId", "default-client")
			.containsEntry("tier", "free");
		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(decide("id-generator", "CLIENT", "shop-admin")).containsEntry("ruleId",
					"internal"));
		assertThat(this.client.get()
			.uri("/api/rate-limits/tiers")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("{\"keyKind\":\"CLIENT\",\"key\":\"shop-admin\",\"tier\":\"internal\"}",
					"{\"keyKind\":\"CLIENT\",\"key\":\"shop-services\",\"tier\":\"internal\"}");
	}

	@Test
	void appliesARuleChangedAtRuntime() {
		String route = "route-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.put()
			.uri("/api/rate-limits/rules/{id}", route + "-strict")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("route", route, "keyKind", "CLIENT", "tier", "*", "algorithm", "SLIDING_WINDOW",
					"capacity", 2, "ratePerSecond", 0.5))
			.exchange()
			.expectStatus()
			.isOk();

		List<Object> allowed = List.of(decide(route, "CLIENT", "key-1").get("allowed"),
				decide(route, "CLIENT", "key-1").get("allowed"), decide(route, "CLIENT", "key-1").get("allowed"));

		assertThat(allowed).containsExactly(true, true, false);
		assertThat(decide(route, "CLIENT", "key-1")).containsEntry("ruleId", route + "-strict");
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
			.untilAsserted(
					() -> assertThat(decide(route, "CLIENT", "key-1")).containsEntry("ruleId", "default-client"));
	}

	@Test
	void decidesABatchInOrder() {
		String customer = UUID.randomUUID().toString();
		Map<String, Object> response = postForJson("/api/rate-limits/decisions/batch",
				Map.of("requests", List.of(request("order-service", "CUSTOMER", customer, 10),
						request("order-service", "CUSTOMER", customer, 1), request("any", "IP", "10.1.1.1", 1))));

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
		assign("CLIENT", "k", "Not A Tier").isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/tier");
		assign("PHONE", "k", "pro").isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("the path variable keyKind is not valid");
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeWithTheirPointer() {
		Map<String, String> cases = Map.of("{\"route\":\"r\",\"keyKind\":\"CUSTOMER\",\"key\":42}", "#/key",
				"{\"route\":\"r\",\"keyKind\":\"CUSTOMER\",\"key\":\"k\",\"permits\":\"2\"}", "#/permits",
				"{\"route\":\"r\",\"keyKind\":\"CUSTOMER\",\"key\":\"k\",\"permits\":1.5}", "#/permits",
				"{\"route\":\"r\",\"keyKind\":\"CUSTOMER\",\"key\":\"k\",\"key\":\"j\"}", "#/key",
				"{\"route\":true,\"keyKind\":\"CUSTOMER\",\"key\":\"k\"}", "#/route");
		cases.forEach((body, pointer) -> this.client.post()
			.uri("/api/rate-limits/decisions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/invalid-request")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo(pointer));
	}

	@Test
	void answersTheFrameworksErrorsWithThePlatformsProblems() {
		this.client.delete()
			.uri("/api/rate-limits/decisions")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueMatches("Allow", ".*POST.*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/method-not-allowed");
		this.client.post()
			.uri("/api/rate-limits/decisions")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("route=r")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/unsupported-media-type");
		this.client.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dsmastery.org/problems/not-found")
			.jsonPath("$.detail")
			.isEqualTo("there is nothing at GET /api/nothing-here");
	}

	private Map<String, Object> decide(String route, String keyKind, String key) {
		return decide(route, keyKind, key, 1);
	}

	private Map<String, Object> decide(String route, String keyKind, String key, int permits) {
		return postForJson("/api/rate-limits/decisions", request(route, keyKind, key, permits));
	}

	private Map<String, Object> postForJson(String path, Object body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private StatusAssertions assign(String keyKind, String key, String tier) {
		return this.client.put()
			.uri("/api/rate-limits/tiers/{keyKind}/{key}", keyKind, key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("tier", tier))
			.exchange()
			.expectStatus();
	}

	private static Map<String, Object> request(String route, String keyKind, String key, int permits) {
		return Map.of("route", route, "keyKind", keyKind, "key", key, "permits", permits);
	}

}
