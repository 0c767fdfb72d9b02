package org.dsmastery.idempotency;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored responses in PostgreSQL. Every method runs in the caller's transaction.
 */
class IdempotencyStore {

	private final JdbcTemplate jdbc;

	private final Duration retention;

	IdempotencyStore(JdbcTemplate jdbc, Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	/**
	 * Takes the key for this transaction, or reports that another request holds it.
	 */
	boolean tryLock(String scope, String key) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
				Boolean.class, scope + '\n' + key));
	}

	Optional<StoredResponse> find(String scope, String key) {
		return this.jdbc
			.query("""
					select fingerprint, status, content_type, location, body from idempotency_key
					where scope = ? and idempotency_key = ? and created_at > now() - make_interval(secs => ?)""",
					(rs, i) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getBytes(5)),
					scope, key, this.retention.toSeconds())
			.stream()
			.findFirst();
	}

	void save(String scope, String key, StoredResponse response) {
		this.jdbc.update("""
				insert into idempotency_key (scope, idempotency_key, fingerprint, status, content_type, location, body)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (scope, idempotency_key) do update set fingerprint = excluded.fingerprint,
				    status = excluded.status, content_type = excluded.content_type, location = excluded.location,
				    body = excluded.body, created_at = now()""", scope, key, response.fingerprint(), response.status(),
				response.contentType(), response.location(), response.body());
	}

	/**
	 * Forgets keys older than the retention.
	 * @return how many were deleted
	 */
	int purgeExpired() {
		return this.jdbc.update("delete from idempotency_key where created_at < now() - make_interval(secs => ?)",
				this.retention.toSeconds());
	}

}
