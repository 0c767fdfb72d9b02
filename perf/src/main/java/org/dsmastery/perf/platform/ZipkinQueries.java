package org.dsmastery.perf.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The queries {@code ./platform trace} asks the local Zipkin's v2 API: a trace by its id,
 * the traces of an order by its {@code order.id} tag, the latest trace that has one.
 */
final class ZipkinQueries {

	/** How far back to look: a week, more than the in-memory store keeps. */
	static final Duration LOOKBACK = Duration.ofDays(7);

	private static final int LIMIT = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI address;

	ZipkinQueries(URI address) {
		this.address = address;
	}

	URI address() {
		return this.address;
	}

	/**
	 * Finds the traces a query names.
	 * @param query an order, a trace id or the latest order
	 * @return the traces, oldest first; empty if none matched
	 * @throws IllegalStateException if Zipkin does not answer
	 */
	List<List<ZipkinSpan>> find(TraceTree.Query query) {
		return switch (query.kind()) {
			case TRACE -> trace(query.value()).map(List::of).orElse(List.of());
			case LATEST_ORDER -> byStart(traces("order.id")).reversed().stream().limit(1).toList();
			case ORDER -> {
				List<List<ZipkinSpan>> traces = byStart(traces("order.id=" + query.value()));
				boolean traceIdToo = query.value().length() == 16 || query.value().length() == 32;
				yield (traces.isEmpty() && traceIdToo) ? trace(query.value()).map(List::of).orElse(List.of()) : traces;
			}
		};
	}

	/**
	 * The latest traces of orders (those with an {@code order.id} tag).
	 * @param limit how many at the most
	 * @return the traces, oldest first
	 * @throws IllegalStateException if Zipkin does not answer
	 */
	List<List<ZipkinSpan>> latestOrders(int limit) {
		return byStart(traces("order.id", limit));
	}

	private Optional<List<ZipkinSpan>> trace(String traceId) {
		HttpResponse<String> response = get("/api/v2/trace/" + traceId);
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		List<ZipkinSpan> spans = ZipkinSpan.listOf(JSON.readTree(ok(response).body()));
		return Optional.of(spans).filter((list) -> !list.isEmpty());
	}

	private List<List<ZipkinSpan>> traces(String annotationQuery) {
		return traces(annotationQuery, LIMIT);
	}

	private List<List<ZipkinSpan>> traces(String annotationQuery, int limit) {
		String path = "/api/v2/traces?annotationQuery=" + URLEncoder.encode(annotationQuery, StandardCharsets.UTF_8)
				+ "&lookback=" + LOOKBACK.toMillis() + "&limit=" + limit;
		return ZipkinSpan.tracesOf(JSON.readTree(ok(get(path)).body()))
			.stream()
			.filter((trace) -> !trace.isEmpty())
			.toList();
	}

	private static List<List<ZipkinSpan>> byStart(List<List<ZipkinSpan>> traces) {
		return traces.stream()
			.sorted(Comparator.comparingLong((List<ZipkinSpan> trace) -> trace.stream()
				.mapToLong(ZipkinSpan::timestamp)
				.filter((t) -> t > 0)
				.min()
				.orElse(0)))
			.toList();
	}

	private HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Zipkin answered " + response.statusCode() + " to " + response.uri() + ": " + response.body());
		}
		return response;
	}

	private HttpResponse<String> get(String path) {
		URI uri = this.address.resolve(path);
		try {
			return this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Zipkin does not answer at " + this.address + " (./platform up starts it): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
