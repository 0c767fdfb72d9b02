package org.dsmastery.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a live Prometheus every dashboard query, through its HTTP API
 * ({@code /api/v1/query}, an instant query at the server's now), and names those that
 * answer no series: on a platform that has taken traffic, such a query reads a metric or
 * a label the services do not export.
 */
public final class PanelQueries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI prometheus;

	private final HttpClient http;

	private final Duration timeout;

	/**
	 * Creates a runner with 5 s to connect and 10 s per query.
	 * @param prometheus the Prometheus base URL, such as {@code http://127.0.0.1:9090}
	 */
	public PanelQueries(URI prometheus) {
		this(prometheus, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(10));
	}

	/**
	 * Creates a runner.
	 * @param prometheus the Prometheus base URL
	 * @param http the client to ask it with
	 * @param timeout how long one query may take
	 */
	public PanelQueries(URI prometheus, HttpClient http, Duration timeout) {
		String base = prometheus.toString();
		this.prometheus = URI.create(base.endsWith("/") ? base : base + "/");
		this.http = Objects.requireNonNull(http);
		this.timeout = Objects.requireNonNull(timeout);
	}

	/**
	 * A query that answered no series, or failed.
	 *
	 * @param query the panel's query, as sent
	 * @param why "no series", or what Prometheus or the transport said
	 */
	public record Unanswered(PanelQuery query, String why) {

		@Override
		public String toString() {
			return this.query + " -> " + this.why;
		}

	}

	/**
	 * Runs every query and keeps those that answered no series or failed.
	 * @param queries the queries, variables already substituted
	 * ({@link Dashboards#queries()})
	 * @return the unanswered queries, in the given order; empty when each answered a
	 * series
	 */
	public List<Unanswered> withoutSeries(List<PanelQuery> queries) {
		List<Unanswered> unanswered = new ArrayList<>();
		for (PanelQuery query : queries) {
			String why = ask(query.expr());
			if (why != null) {
				unanswered.add(new Unanswered(query, why));
			}
		}
		return unanswered;
	}

	/**
	 * Runs one instant query.
	 * @param expr the PromQL expression
	 * @return null when it answered at least one series, else why not
	 */
	String ask(String expr) {
		URI uri = this.prometheus.resolve("api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.timeout).GET().build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Prometheus at " + this.prometheus + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking " + uri, ex);
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			return "HTTP " + response.statusCode() + ", not JSON: " + abbreviate(response.body());
		}
		if (!"success".equals(Dashboard.text(body.path("status")))) {
			return "HTTP " + response.statusCode() + ", " + Dashboard.text(body.path("errorType")) + ": "
					+ Dashboard.text(body.path("error"));
		}
		JsonNode data = body.path("data");
		String type = Dashboard.text(data.path("resultType"));
		if ("scalar".equals(type) || "string".equals(type)) {
			return null;
		}
		return data.path("result").size() > 0 ? null : "no series";
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

}
