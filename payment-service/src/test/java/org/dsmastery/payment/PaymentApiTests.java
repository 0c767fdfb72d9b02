package org.dsmastery.payment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP API: accounts, payments, the audit, and every error as a problem.
 */
class PaymentApiTests extends PaymentIntegrationTest {

	@Test
	void answersBadInputWithProblems() {
		for (String path : List.of("/api/accounts/abc", "/api/accounts/-1", "/api/payments/x", "/api/payments/0")) {
			ResponseEntity<Map<String, Object>> response = get(path);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
		}
		assertThat(get("/api/accounts/abc").getBody().get("errors").toString()).contains("#/customerId");
		Map<String, String> badCredits = Map.of("{\"creditCents\":-1}", "#/creditCents", "{}", "#/creditCents",
				"{\"creditCents\":5000,\"overdraft\":true}", "", "not json", "");
		badCredits.forEach((body, pointer) -> {
			ResponseEntity<Map<String, Object>> response = put("/api/admin/accounts/7", body);
			assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
			if (!pointer.isEmpty()) {
				assertThat(response.getBody().get("errors").toString()).as(body).contains(pointer);
			}
		});
		ResponseEntity<Map<String, Object>> badSettings = put("/api/admin/payment-provider",
				"{\"latencyMs\":-5,\"failureRate\":2.0,\"declineRate\":0.0}");
		assertThat(badSettings.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badSettings.getBody().get("errors").toString()).contains("#/latencyMs", "#/failureRate");

		ResponseEntity<Map<String, Object>> noAccount = get("/api/accounts/" + customer());
		assertThat(noAccount.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noAccount.getBody()).containsEntry("type", "https://dsmastery.org/problems/account-not-found");
		ResponseEntity<Map<String, Object>> noPayment = get("/api/payments/" + order());
		assertThat(noPayment.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noPayment.getBody()).containsEntry("type", "https://dsmastery.org/problems/payment-not-found");
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeWithTheirPointer() {
		Map<String, String> cases = Map.of("{\"creditCents\":\"5000\"}", "must be a whole number",
				"{\"creditCents\":5000.5}", "must be a whole number", "{\"creditCents\":true}",
				"must be a whole number", "{\"creditCents\":1,\"creditCents\":2}", "appears more than once",
				"{\"creditCents\":5000,\"overdraft\":true}", "'overdraft' is not a field of this request");
		cases.forEach((body, detail) -> {
			ResponseEntity<Map<String, Object>> response = put("/api/admin/accounts/7", body);

			assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
			assertThat(response.getBody().get("errors").toString()).as(body)
				.contains("pointer=#/" + (body.contains("overdraft") ? "overdraft" : "creditCents"), detail);
		});
		ResponseEntity<Map<String, Object>> longReference = post("/simulator/payments/authorizations",
				UUID.randomUUID().toString(),
				"{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":\"" + "r".repeat(201) + "\"}");
		assertThat(longReference.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(longReference.getBody().get("errors").toString()).contains("#/reference");
		ResponseEntity<Map<String, Object>> longKey = post("/simulator/payments/authorizations", "k".repeat(256),
				"{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":\"r\"}");
		assertThat(longKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(longKey.getBody()).containsEntry("type", "https://dsmastery.org/problems/invalid-request");
	}

	@Test
	void answersTheFrameworksAndTomcatsErrorsWithProblems() {
		ResponseEntity<Map<String, Object>> textBody = client().put()
			.uri("/api/admin/accounts/7")
			.contentType(MediaType.TEXT_PLAIN)
			.body("creditCents=5")
			.retrieve()
			.toEntity(JSON_OBJECT);
		ResponseEntity<Map<String, Object>> wrongMethod = client().delete()
			.uri("/api/accounts/7")
			.retrieve()
			.toEntity(JSON_OBJECT);
		ResponseEntity<Map<String, Object>> unrouted = get("/api/nothing-here");
		ResponseEntity<Map<String, Object>> bigHeader = client().get()
			.uri("/api/accounts/7")
			.header("X-Big", "x".repeat(9 * 1024))
			.retrieve()
			.toEntity(JSON_OBJECT);

		assertThat(textBody.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(textBody.getBody()).containsEntry("type", "https://dsmastery.org/problems/unsupported-media-type");
		assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(wrongMethod.getHeaders().getAllow()).isNotEmpty();
		assertThat(wrongMethod.getBody()).containsEntry("type", "https://dsmastery.org/problems/method-not-allowed");
		assertThat(unrouted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unrouted.getBody()).containsEntry("type", "https://dsmastery.org/problems/not-found")
			.containsEntry("detail", "there is nothing at GET /api/nothing-here");
		assertThat(bigHeader.getStatusCode().value()).isEqualTo(431);
		assertThat(bigHeader.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(bigHeader.getBody()).containsEntry("type", "https://dsmastery.org/problems/header-too-large");
	}

	@Test
	void setsTheCreditButNeverBelowWhatIsHeldAndCaptured() {
		String customer = customer();
		assertThat(setCredit(customer, 5000).getBody()).containsEntry("creditCents", 5000)
			.containsEntry("balanceCents", 5000)
			.containsEntry("customerId", customer);
		String order = order();
		authorizePayment(order, customer, 4000, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");

		assertThat(setCredit(customer, 8000).getBody()).containsEntry("balanceCents", 4000)
			.containsEntry("heldCents", 4000);
		ResponseEntity<Map<String, Object>> tooLow = setCredit(customer, 3999);

		assertThat(tooLow.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(tooLow.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tooLow.getBody()).containsEntry("type", "https://dsmastery.org/problems/credit-below-commitments");
		assertThat(account(customer)).containsEntry("creditCents", 8000)
			.containsEntry("balanceCents", 4000)
			.containsEntry("heldCents", 4000);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuditSeesEveryAccountAndPaymentAndADrainedOutbox() {
		String customer = customer();
		String order = order();
		authorizePayment(order, customer, 1234, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");

		await().atMost(WAIT).untilAsserted(() -> {
			Map<String, Object> audit = get("/api/audit/payments").getBody();
			assertThat(audit).containsEntry("outboxBacklog", 0).containsEntry("providerDuplicates", List.of());
			assertThat(audit.get("accounts").toString()).contains("customerId=" + customer);
			assertThat((List<Object>) audit.get("payments")).contains(Map.<String, Object>of("orderId", order,
					"customerId", customer, "status", "AUTHORIZED", "amountCents", 1234));
		});
	}

}
