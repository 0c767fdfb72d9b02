package org.dsmastery.payment.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The simulated PSP's behaviour. An authorization is stored by idempotency key
 * ({@code provider_authorization}, insert-if-absent), so the same key always gets the
 * same answer and never a second authorization. Failures and declines are spread evenly
 * over the calls since the last settings change (deterministic, so tests and chaos runs
 * repeat): call {@code n} fails when {@code ceil(n * rate)} steps up.
 */
@Component
class SimulatedPaymentProvider {

	private final JdbcTemplate jdbc;

	private final AtomicReference<ProviderSettings> settings = new AtomicReference<>(ProviderSettings.HEALTHY);

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong newAuthorizations = new AtomicLong();

	private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

	SimulatedPaymentProvider(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Answer authorize(String idempotencyKey, long amountCents, String currency, String reference) {
		ProviderSettings current = this.settings.get();
		this.attemptsByKey.computeIfAbsent(idempotencyKey, (key) -> new AtomicInteger()).incrementAndGet();
		sleep(current.latencyMs());
		if (steps(this.calls.incrementAndGet(), current.failureRate())) {
			this.failures.incrementAndGet();
			return new Answer(Outcome.FAILED, null, "simulated provider failure");
		}
		Optional<Answer> stored = find(idempotencyKey, amountCents, currency);
		if (stored.isPresent()) {
			return stored.get();
		}
		boolean decline = steps(this.newAuthorizations.incrementAndGet(), current.declineRate());
		String authorizationId = decline ? null : "auth-" + UUID.randomUUID();
		this.jdbc.update("""
				insert into provider_authorization
				    (idempotency_key, reference, outcome, authorization_id, amount_cents, currency)
				values (?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""", idempotencyKey, reference,
				decline ? "DECLINED" : "AUTHORIZED", authorizationId, amountCents, currency);
		// a concurrent call with the same key may have won: its answer is the answer
		return find(idempotencyKey, amountCents, currency).orElseThrow();
	}

	private Optional<Answer> find(String idempotencyKey, long amountCents, String currency) {
		return this.jdbc.query("""
				select outcome, authorization_id, amount_cents, currency from provider_authorization
				where idempotency_key = ?""", (rs, row) -> {
			if (rs.getLong("amount_cents") != amountCents || !rs.getString("currency").equals(currency)) {
				return new Answer(Outcome.KEY_REUSED, null, "idempotency key reused for another amount");
			}
			return "AUTHORIZED".equals(rs.getString("outcome"))
					? new Answer(Outcome.AUTHORIZED, rs.getString("authorization_id"), null)
					: new Answer(Outcome.DECLINED, null, "declined by the issuer");
		}, idempotencyKey).stream().findFirst();
	}

	ProviderSettings settings() {
		return this.settings.get();
	}

	void configure(ProviderSettings settings) {
		this.settings.set(settings);
		this.calls.set(0);
		this.newAuthorizations.set(0);
	}

	Map<String, Object> statistics() {
		return Map.of("calls", this.calls.get(), "failures", this.failures.get());
	}

	int attempts(String idempotencyKey) {
		AtomicInteger attempts = this.attemptsByKey.get(idempotencyKey);
		return (attempts != null) ? attempts.get() : 0;
	}

	Optional<String> authorizationOf(String idempotencyKey) {
		return this.jdbc
			.queryForList("select authorization_id from provider_authorization where idempotency_key = ?", String.class,
					idempotencyKey)
			.stream()
			.filter((id) -> id != null)
			.findFirst();
	}

	private static boolean steps(long n, double rate) {
		return Math.ceil(n * rate - 1e-9) > Math.ceil((n - 1) * rate - 1e-9);
	}

	private static void sleep(int millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	enum Outcome {

		AUTHORIZED, DECLINED, FAILED, KEY_REUSED

	}

	record Answer(Outcome outcome, String authorizationId, String detail) {
	}

}
