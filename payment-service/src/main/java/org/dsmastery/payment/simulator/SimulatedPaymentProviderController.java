package org.dsmastery.payment.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated PSP's HTTP API, and its knobs.
 * <ul>
 * <li>{@code POST /simulator/payments/authorizations}, header {@code Idempotency-Key},
 * body {@code {"amountCents":12498,"currency":"EUR","reference":"<orderId>"}}: 201
 * {@code {"authorizationId":"auth-..."}}, 402 declined, 503 failing, 422 key reused for
 * another amount;</li>
 * <li>{@code GET /simulator/payments/authorizations/{key}}: how often the key was tried
 * and its authorization;</li>
 * <li>{@code PUT /api/admin/payment-provider}
 * {@code {"latencyMs":0,"failureRate":0.0,"declineRate":0.0}} and {@code GET} the
 * same.</li>
 * </ul>
 */
@RestController
class SimulatedPaymentProviderController {

	// the key and the reference are stored and looked up: bounded like libs/idempotency's
	static final int MAX_KEY_LENGTH = 255;

	private final SimulatedPaymentProvider provider;

	SimulatedPaymentProviderController(SimulatedPaymentProvider provider) {
		this.provider = provider;
	}

	@PostMapping("/simulator/payments/authorizations")
	ResponseEntity<Map<String, Object>> authorize(
			@RequestHeader("Idempotency-Key") @Size(min = 1, max = MAX_KEY_LENGTH) String idempotencyKey,
			@Valid @RequestBody AuthorizationRequest request) {
		SimulatedPaymentProvider.Answer answer = this.provider.authorize(idempotencyKey, request.amountCents(),
				request.currency(), request.reference());
		return switch (answer.outcome()) {
			case AUTHORIZED ->
				ResponseEntity.status(HttpStatus.CREATED).body(Map.of("authorizationId", answer.authorizationId()));
			case DECLINED -> ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED)
				.body(Map.of("status", "declined", "detail", answer.detail()));
			case KEY_REUSED -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.body(Map.of("status", "rejected", "detail", answer.detail()));
			case FAILED -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Map.of("status", "unavailable", "detail", answer.detail()));
		};
	}

	@GetMapping("/simulator/payments/authorizations/{key}")
	Map<String, Object> authorization(@PathVariable @Size(max = MAX_KEY_LENGTH) String key) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idempotencyKey", key);
		body.put("attempts", this.provider.attempts(key));
		body.put("authorizationId", this.provider.authorizationOf(key).orElse(null));
		return body;
	}

	@PutMapping("/api/admin/payment-provider")
	Map<String, Object> configure(@Valid @RequestBody ProviderSettings settings) {
		this.provider.configure(settings);
		return describe();
	}

	@GetMapping("/api/admin/payment-provider")
	Map<String, Object> describe() {
		ProviderSettings settings = this.provider.settings();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("latencyMs", settings.latencyMs());
		body.put("failureRate", settings.failureRate());
		body.put("declineRate", settings.declineRate());
		body.putAll(this.provider.statistics());
		return body;
	}

	record AuthorizationRequest(@NotNull @Positive Long amountCents, @NotBlank @Size(min = 3, max = 3) String currency,
			@Size(max = 200) String reference) {
	}

}
