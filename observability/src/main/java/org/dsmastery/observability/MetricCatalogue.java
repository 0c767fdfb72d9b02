package org.dsmastery.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one list of the Prometheus series the services export, with the labels each
 * carries: the dashboards and alert rules under {@code observability/} may use these
 * names and labels and no others (checked by the module's tests), and each service must
 * export them (checked on the running platform through {@link PanelQueries}).
 * <p>
 * Every meter of every service carries the {@link #COMMON_LABELS}; histogram buckets
 * carry {@code le} as well. {@code up} is written by Prometheus itself for every scrape
 * target.
 */
public final class MetricCatalogue {

	/**
	 * Labels on every series a service exports: spring.application.name, instance id,
	 * version.
	 */
	public static final Set<String> COMMON_LABELS = Set.of("service", "instance", "version");

	private static final Map<String, Set<String>> SERIES = build();

	private MetricCatalogue() {
	}

	private static Map<String, Set<String>> build() {
		Map<String, Set<String>> series = new LinkedHashMap<>();
		// HTTP RED (every service), histogram buckets = SLO boundaries
		histogram(series, "http_server_requests_seconds", "method", "uri", "status", "outcome");
		histogram(series, "http_client_requests_seconds", "client_name", "uri", "status", "outcome");
		histogram(series, "spring_cloud_gateway_requests_seconds", "routeId", "outcome", "status", "httpMethod");
		// orders (order-service), both saga styles
		meter(series, "orders_placed_total", "style");
		meter(series, "orders_decided_total", "style", "outcome", "reason");
		histogram(series, "orders_decision_seconds", "style", "outcome");
		// saga (saga-orchestrator) and compensations (orchestrator or the compensating
		// participant)
		histogram(series, "saga_duration_seconds", "style", "outcome");
		histogram(series, "saga_step_seconds", "step", "outcome");
		meter(series, "saga_step_timeouts_total");
		meter(series, "saga_compensations_total", "style", "reason");
		// outbox (libs/outbox)
		meter(series, "outbox_backlog");
		meter(series, "outbox_lag_seconds");
		meter(series, "outbox_published_total");
		// consumers (Kafka client metrics) and retries / dead letters (libs/messaging)
		meter(series, "kafka_consumer_fetch_manager_records_lag_max", "client_id");
		meter(series, "messaging_retries_total", "topic", "consumer");
		meter(series, "messaging_dead_letters_total", "topic", "consumer");
		// edge
		meter(series, "ratelimit_decisions_total", "tier", "outcome");
		meter(series, "resilience4j_circuitbreaker_state", "name", "state");
		// inventory, payment, id-generator
		histogram(series, "inventory_lock_wait_seconds", "outcome");
		meter(series, "inventory_cache_requests_total", "result");
		histogram(series, "payment_provider_call_seconds", "outcome", "attempt");
		meter(series, "idgen_ids_issued_total");
		meter(series, "idgen_worker_id");
		meter(series, "idgen_worker_lease_lost_total");
		// JVM (every service)
		meter(series, "jvm_memory_used_bytes", "area", "id");
		meter(series, "jvm_gc_pause_seconds_count", "action", "cause", "gc");
		meter(series, "jvm_gc_pause_seconds_sum", "action", "cause", "gc");
		meter(series, "jvm_gc_pause_seconds_max", "action", "cause", "gc");
		meter(series, "jvm_threads_live_threads");
		meter(series, "process_cpu_usage");
		// written by Prometheus for every target
		series.put("up", Set.of("job", "instance"));
		return Map.copyOf(series);
	}

	private static void meter(Map<String, Set<String>> series, String name, String... labels) {
		Set<String> all = new TreeSet<>(COMMON_LABELS);
		all.addAll(Set.of(labels));
		series.put(name, Set.copyOf(all));
	}

	private static void histogram(Map<String, Set<String>> series, String name, String... labels) {
		meter(series, name + "_count", labels);
		meter(series, name + "_sum", labels);
		Set<String> bucket = new TreeSet<>(COMMON_LABELS);
		bucket.addAll(Set.of(labels));
		bucket.add("le");
		series.put(name + "_bucket", Set.copyOf(bucket));
	}

	/**
	 * Returns every series name in the catalogue.
	 * @return the names, as Prometheus spells them
	 */
	public static Set<String> names() {
		return new TreeSet<>(SERIES.keySet());
	}

	/**
	 * Returns the labels a series carries.
	 * @param name a series name, as Prometheus spells it
	 * @return its labels, or empty when the catalogue does not name it
	 */
	public static Optional<Set<String>> labels(String name) {
		return Optional.ofNullable(SERIES.get(name));
	}

}
