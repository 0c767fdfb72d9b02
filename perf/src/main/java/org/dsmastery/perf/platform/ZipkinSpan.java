package org.dsmastery.perf.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One span of Zipkin's v2 JSON model, with the fields {@code ./platform trace} shows.
 *
 * @param traceId the trace's id, 16 or 32 hex digits
 * @param id the span's id, 16 hex digits
 * @param parentId its parent's id, empty for a root
 * @param name the operation, such as {@code http post /api/orders}
 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER}, or
 * empty for a local span
 * @param service the local endpoint's service name
 * @param timestamp its start in microseconds since the epoch, 0 if Zipkin has none
 * @param duration its duration in microseconds, 0 if Zipkin has none
 * @param shared whether it is the server side of a span id shared with its client (B3)
 * @param tags the span's tags
 */
record ZipkinSpan(String traceId, String id, Optional<String> parentId, String name, String kind, String service,
		long timestamp, long duration, boolean shared, Map<String, String> tags) {

	ZipkinSpan {
		tags = Map.copyOf(tags);
	}

	/**
	 * Reads one span.
	 * @param span a span object of Zipkin's v2 JSON
	 * @return the span
	 */
	static ZipkinSpan of(JsonNode span) {
		Map<String, String> tags = new LinkedHashMap<>();
		span.path("tags").properties().forEach((tag) -> tags.put(tag.getKey(), tag.getValue().asString()));
		String parent = span.path("parentId").asString("");
		return new ZipkinSpan(span.path("traceId").asString(""), span.path("id").asString(""),
				Optional.of(parent).filter((id) -> !id.isEmpty()), span.path("name").asString(""),
				span.path("kind").asString(""), span.path("localEndpoint").path("serviceName").asString("?"),
				span.path("timestamp").asLong(0), span.path("duration").asLong(0), span.path("shared").asBoolean(false),
				tags);
	}

	/**
	 * A trace's spans by id. Where a client and a server share a span id (B3), the id
	 * names the server side: the children hang there.
	 * @param spans a trace's spans
	 * @return the spans by id
	 */
	static Map<String, ZipkinSpan> byId(List<ZipkinSpan> spans) {
		Map<String, ZipkinSpan> byId = new HashMap<>();
		spans.forEach((span) -> byId.merge(span.id(), span, (first, second) -> second.shared() ? second : first));
		return byId;
	}

	/**
	 * Reads a trace: a JSON array of spans, as {@code GET /api/v2/trace/{id}} answers.
	 * @param spans the array
	 * @return the spans, in Zipkin's order
	 */
	static List<ZipkinSpan> listOf(JsonNode spans) {
		List<ZipkinSpan> list = new ArrayList<>();
		spans.forEach((span) -> list.add(of(span)));
		return list;
	}

	/**
	 * Reads traces: a JSON array of span arrays, as {@code GET /api/v2/traces} answers.
	 * @param traces the array
	 * @return each trace's spans
	 */
	static List<List<ZipkinSpan>> tracesOf(JsonNode traces) {
		List<List<ZipkinSpan>> list = new ArrayList<>();
		traces.forEach((trace) -> list.add(listOf(trace)));
		return list;
	}

}
