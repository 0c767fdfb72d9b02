package org.dsmastery.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for POST requests, after the IETF httpapi draft "The
 * Idempotency-Key HTTP Header Field".
 * <ul>
 * <li>no key: 400 {@code idempotency-key-missing}; a key over 255 characters or not
 * printable ASCII: 400 {@code idempotency-key-invalid};</li>
 * <li>a key seen before with the same request: the stored status, Location and body
 * again, with {@code Idempotent-Replayed: true};</li>
 * <li>a key seen before with a different request: 422;</li>
 * <li>a key whose first request is still being processed: 409.</li>
 * </ul>
 * The request runs inside a transaction that the service's own {@code @Transactional}
 * code joins, and the response is stored in that same transaction: either the business
 * change and its stored response both commit, or neither does, so a crash can never leave
 * a key that says "done" for work that was lost, nor work done twice. Responses of 5xx
 * and of rolled-back transactions are not stored, so the client's retry runs again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

	/** The request header. */
	public static final String HEADER = "Idempotency-Key";

	/** Set on a replayed response. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	static final URI MISSING_KEY = URI.create("https://dsmastery.org/problems/idempotency-key-missing");

	static final URI INVALID_KEY = URI.create("https://dsmastery.org/problems/idempotency-key-invalid");

	static final URI KEY_REUSED = URI.create("https://dsmastery.org/problems/idempotency-key-reused");

	static final URI IN_FLIGHT = URI.create("https://dsmastery.org/problems/idempotency-key-in-flight");

	private static final int MAX_KEY_LENGTH = 255;

	private final IdempotencyStore store;

	private final TransactionTemplate transactions;

	private final List<String> paths;

	private final JsonMapper json;

	private final AntPathMatcher matcher = new AntPathMatcher();

	IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, List<String> paths, JsonMapper json) {
		this.store = store;
		this.transactions = transactions;
		this.paths = List.copyOf(paths);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.paths.stream().noneMatch((pattern) -> this.matcher.match(pattern, path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null || key.isBlank()) {
			problem(response, 400, MISSING_KEY, "Idempotency-Key required",
					"POST " + request.getRequestURI() + " needs an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH
							+ " characters, unique per intended operation (a UUID, say)");
			return;
		}
		// the key is stored and looked up: bounded, and printable so it logs and compares
		// as sent
		if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			problem(response, 400, INVALID_KEY, "Invalid Idempotency-Key",
					"an Idempotency-Key is 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID, say)");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String scope = request.getRequestURI();
		String fingerprint = fingerprint(request, body);
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		Outcome outcome = this.transactions.execute((status) -> {
			Optional<StoredResponse> stored = this.store.find(scope, key);
			if (stored.isEmpty()) {
				if (!this.store.tryLock(scope, key)) {
					return Outcome.IN_FLIGHT;
				}
				// the first request may have committed between the look-up and the lock
				stored = this.store.find(scope, key);
			}
			if (stored.isPresent()) {
				return stored.get().fingerprint().equals(fingerprint) ? Outcome.replay(stored.get()) : Outcome.REUSED;
			}
			proceed(chain, new CachedBodyRequest(request, body), wrapper);
			if (!isStorable(status, wrapper)) {
				status.setRollbackOnly();
				return Outcome.PASSED;
			}
			this.store.save(scope, key, new StoredResponse(fingerprint, wrapper.getStatus(), wrapper.getContentType(),
					wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getContentAsByteArray()));
			return Outcome.PASSED;
		});
		switch (outcome.kind()) {
			case PASSED -> wrapper.copyBodyToResponse();
			case REPLAY -> replay(response, outcome.stored());
			case IN_FLIGHT -> problem(response, 409, IN_FLIGHT, "Request in progress",
					"a request with this Idempotency-Key is still being processed; retry later");
			case REUSED -> problem(response, 422, KEY_REUSED, "Idempotency-Key reused",
					"this Idempotency-Key was used for a different request; use a new key for a new operation");
		}
	}

	private static boolean isStorable(TransactionStatus status, ContentCachingResponseWrapper response) {
		return !status.isRollbackOnly() && response.getStatus() < 500;
	}

	private static void proceed(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		response.setHeader(REPLAYED_HEADER, "true");
		response.setContentLength(stored.body().length);
		response.getOutputStream().write(stored.body());
	}

	private void problem(HttpServletResponse response, int status, URI type, String title, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

	private static String fingerprint(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + request.getQueryString() + '\n')
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Outcome(Kind kind, StoredResponse stored) {

		static final Outcome PASSED = new Outcome(Kind.PASSED, null);

		static final Outcome IN_FLIGHT = new Outcome(Kind.IN_FLIGHT, null);

		static final Outcome REUSED = new Outcome(Kind.REUSED, null);

		static Outcome replay(StoredResponse stored) {
			return new Outcome(Kind.REPLAY, stored);
		}

		enum Kind {

			PASSED, REPLAY, IN_FLIGHT, REUSED

		}

	}

	/**
	 * The request with its body read once, for the fingerprint, and served again to the
	 * application.
	 */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}

			};
		}

	}

}
