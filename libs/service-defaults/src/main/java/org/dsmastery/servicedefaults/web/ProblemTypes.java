package org.dsmastery.servicedefaults.web;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The platform's problem types for errors that the framework, the servlet container or
 * the server produce before or around a controller (an unrouted path, a method or media
 * type the endpoint does not take, an oversized header, an unexpected failure): one
 * stable {@code type} per HTTP status, under {@value #TYPE_BASE}, so that every RFC 9457
 * answer of the platform has a {@code type} a client can branch on. The types are listed
 * with examples in {@code docs/patterns/problem-details.md}.
 * <p>
 * Free of either web stack on purpose (spring-web's {@code ProblemDetail} only): the
 * servlet advice, the error controller, Tomcat's error report valve, the reactive advice
 * and error handler and Netty's handler all read it.
 */
public final class ProblemTypes {

	/** Where the platform's problem types live. */
	public static final String TYPE_BASE = "https://dsmastery.org/problems/";

	/** Bad input: malformed JSON, a wrong type, an unknown field, an invalid value. */
	public static final URI INVALID_REQUEST = of("invalid-request");

	/** No endpoint at this path (or no resource with this id, for a generic 404). */
	public static final URI NOT_FOUND = of("not-found");

	/**
	 * The endpoint exists but not for this method; the answer has an {@code Allow}
	 * header.
	 */
	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	/** The endpoint cannot answer in any media type the {@code Accept} header allows. */
	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	/** The body is larger than the service accepts. */
	public static final URI REQUEST_TOO_LARGE = of("request-too-large");

	/** The body's {@code Content-Type} is not one the endpoint reads. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	/** A request header, or all of them together, is larger than the server accepts. */
	public static final URI HEADER_TOO_LARGE = of("header-too-large");

	/** The request line (method, path and query) is longer than the server accepts. */
	public static final URI URI_TOO_LONG = of("uri-too-long");

	/**
	 * Too many requests from this caller; the answer has a {@code Retry-After} header.
	 */
	public static final URI RATE_LIMITED = of("rate-limited");

	/**
	 * An unexpected failure; the details are in the service's log, never in the answer.
	 */
	public static final URI INTERNAL_ERROR = of("internal-error");

	/** An upstream service answered something that is not HTTP, or nothing usable. */
	public static final URI BAD_GATEWAY = of("bad-gateway");

	/** The service, or one it needs, cannot answer now; retry later. */
	public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

	/** An upstream service did not answer in time. */
	public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");

	/**
	 * No bearer token, or one that is expired, not yet valid, for another audience or
	 * issuer, or not signed by the platform's auth-server; the answer has a
	 * {@code WWW-Authenticate: Bearer} header (RFC 6750).
	 */
	public static final URI UNAUTHORIZED = of("unauthorized");

	/** A valid token whose scopes do not allow the request. */
	public static final URI FORBIDDEN = of("forbidden");

	/** Any other HTTP error that no more specific type describes. */
	public static final URI HTTP_ERROR = of("http-error");

	private static final Map<Integer, Entry> BY_STATUS = Map.ofEntries(
			Map.entry(400, new Entry(INVALID_REQUEST, "Invalid request")),
			Map.entry(401, new Entry(UNAUTHORIZED, "Unauthorized")), Map.entry(403, new Entry(FORBIDDEN, "Forbidden")),
			Map.entry(404, new Entry(NOT_FOUND, "Not found")),
			Map.entry(405, new Entry(METHOD_NOT_ALLOWED, "Method not allowed")),
			Map.entry(406, new Entry(NOT_ACCEPTABLE, "Not acceptable")),
			Map.entry(413, new Entry(REQUEST_TOO_LARGE, "Request too large")),
			Map.entry(414, new Entry(URI_TOO_LONG, "URI too long")),
			Map.entry(415, new Entry(UNSUPPORTED_MEDIA_TYPE, "Unsupported media type")),
			Map.entry(431, new Entry(HEADER_TOO_LARGE, "Request header too large")),
			Map.entry(429, new Entry(RATE_LIMITED, "Too many requests")),
			Map.entry(500, new Entry(INTERNAL_ERROR, "Internal error")),
			Map.entry(502, new Entry(BAD_GATEWAY, "Bad gateway")),
			Map.entry(503, new Entry(SERVICE_UNAVAILABLE, "Service unavailable")),
			Map.entry(504, new Entry(GATEWAY_TIMEOUT, "Gateway timeout")));

	private ProblemTypes() {
	}

	/**
	 * Returns a problem type of the platform.
	 * @param name the type's name, such as {@code order-not-found}
	 * @return its URI
	 */
	public static URI of(String name) {
		return URI.create(TYPE_BASE + name);
	}

	/**
	 * The type for an HTTP error status that nothing more specific describes.
	 * @param status the HTTP status
	 * @return the type
	 */
	public static URI forStatus(int status) {
		Entry entry = BY_STATUS.get(status);
		return (entry != null) ? entry.type() : HTTP_ERROR;
	}

	/**
	 * The title that goes with {@link #forStatus(int)}.
	 * @param status the HTTP status
	 * @param reasonPhrase the status's reason phrase, used for statuses without a type of
	 * their own
	 * @return the title
	 */
	public static String titleFor(int status, String reasonPhrase) {
		Entry entry = BY_STATUS.get(status);
		return (entry != null) ? entry.title() : reasonPhrase;
	}

	/**
	 * A detail for people that names nothing internal: used when the framework's own
	 * message would leak class or resource names.
	 * @param status the HTTP status
	 * @param method the request's method
	 * @param path the request's path
	 * @return the detail
	 */
	public static String detailFor(int status, String method, String path) {
		return switch (status) {
			case 400 -> "the request is not valid";
			case 401 -> "this API needs a valid bearer token from the platform's auth-server";
			case 403 -> "the token's scopes do not allow " + method + " " + path;
			case 404 -> "there is nothing at " + method + " " + path;
			case 405 -> path + " does not take " + method + "; the Allow header lists what it takes";
			case 406 -> path + " cannot answer in a media type that the Accept header allows";
			case 413 -> "the request body is larger than this service accepts";
			case 415 -> path + " does not read this Content-Type";
			case 431 -> "a request header, or all of them together, is larger than this service accepts";
			case 414 -> "the request line is longer than this service accepts";
			case 500 -> "an unexpected error occurred; it has been logged";
			case 502 -> "an upstream service gave no usable answer";
			case 503 -> "the service cannot answer now; retry later";
			case 504 -> "an upstream service did not answer in time";
			default -> "the request failed with HTTP status " + status;
		};
	}

	/**
	 * A problem; for the advice classes of both web stacks, so neither loads the other.
	 * @param status the HTTP status
	 * @param type its stable type
	 * @param title a short summary of the type
	 * @param detail what happened this time, for people
	 * @return the problem
	 */
	static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Turns a bound field path into a JSON pointer in the platform's form:
	 * {@code lines[0].sku} becomes {@code #/lines/0/sku}.
	 * @param field the field path
	 * @return the pointer
	 */
	static String pointer(String field) {
		return "#/" + field.replace('.', '/').replace("[", "/").replace("]", "");
	}

	/**
	 * The problem for a status as JSON, written without a JSON library: for the places
	 * below the application (Tomcat's valve, Netty's pipeline) where none is at hand.
	 * @param status the HTTP status
	 * @param reasonPhrase the status's reason phrase
	 * @param method the request's method
	 * @param path the request's path
	 * @return the JSON
	 */
	static String json(int status, String reasonPhrase, String method, String path) {
		return "{\"type\":" + quote(forStatus(status).toString()) + ",\"title\":"
				+ quote(titleFor(status, reasonPhrase)) + ",\"status\":" + status + ",\"detail\":"
				+ quote(detailFor(status, method, path)) + "}";
	}

	/**
	 * The problem for a status as JSON, with the request's trace: for the places outside
	 * Spring MVC and WebFlux handlers (Spring Security's entry points) where no message
	 * converter is at hand.
	 * @param status the HTTP status
	 * @param reasonPhrase the status's reason phrase
	 * @param method the request's method
	 * @param path the request's path
	 * @param traceId the request's trace id, if any
	 * @return the JSON
	 */
	public static String json(int status, String reasonPhrase, String method, String path, @Nullable String traceId) {
		return "{\"type\":" + quote(forStatus(status).toString()) + ",\"title\":"
				+ quote(titleFor(status, reasonPhrase)) + ",\"status\":" + status + ",\"detail\":"
				+ quote(detailFor(status, method, path)) + ",\"instance\":" + quote(path)
				+ ((traceId != null) ? ",\"" + ProblemTraces.TRACE_ID + "\":" + quote(traceId) : "") + "}";
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private record Entry(URI type, String title) {
	}

}
