package org.dsmastery.perf.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.dsmastery.topology.Instance;
import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Role;
import org.dsmastery.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When {@code ./platform up} may say "ready": each process healthy, then every service
 * registered with discovery and reached through the gateway. The script starts and stops
 * the processes; this class only looks at them, from outside, as a client would.
 * <p>
 * {@code Readiness <state> healthy <instance-id>...} waits for the instances together, so
 * that one that exits is named at once; {@code Readiness <state> routed} checks discovery
 * and the gateway's routes. Exit 0 when ready; otherwise 1, with the reason in
 * {@code <state>/run/not-ready} ({@code name port why} for an instance) for the script to
 * show with the process's log.
 */
public final class Readiness {

	private static final Duration START_WITHIN = Duration.ofSeconds(180);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Logger logger = LoggerFactory.getLogger(Readiness.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Topology topology;

	private final Path run;

	private final PlatformTokens tokens;

	Readiness(Topology topology, Path state) {
		this.topology = topology;
		this.run = state.resolve("run");
		this.tokens = new PlatformTokens(topology, state);
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2 || !(args[1].equals("healthy") || args[1].equals("routed"))) {
			throw new IllegalArgumentException("usage: Readiness <state> healthy <instance-id>... | routed");
		}
		Readiness readiness = new Readiness(Topology.local(), Path.of(args[0]));
		Files.deleteIfExists(readiness.run.resolve("not-ready"));
		Optional<String> failure = args[1].equals("healthy")
				? readiness.awaitHealthy(List.of(args).subList(2, args.length)) : readiness.awaitRouted();
		if (failure.isPresent()) {
			Files.writeString(readiness.run.resolve("not-ready"), failure.get() + "\n");
			System.exit(1);
		}
	}

	/**
	 * Waits until each instance answers UP on its health endpoint.
	 * @param ids instance ids, such as {@code payment-service-8082}
	 * @return {@code name port why} of the first instance that exited or timed out
	 */
	Optional<String> awaitHealthy(List<String> ids) {
		Map<String, Instance> pending = new TreeMap<>();
		this.topology.instances()
			.stream()
			.filter((instance) -> ids.contains(instance.id()))
			.forEach((instance) -> pending.put(instance.id(), instance));
		if (pending.size() != ids.size()) {
			throw new IllegalArgumentException("not in platform.topology: " + ids);
		}
		AtomicReference<String> exited = new AtomicReference<>();
		boolean settled = Poll.until(START_WITHIN, POLL, () -> {
			for (Instance instance : List.copyOf(pending.values())) {
				if (healthy(instance)) {
					logger.info("    {} :{} healthy", instance.name(), instance.port());
					pending.remove(instance.id());
				}
				else if (!alive(instance)) {
					exited.set(instance.name() + " " + instance.port() + " exited while starting");
					return true;
				}
			}
			return pending.isEmpty();
		});
		if (exited.get() != null) {
			return Optional.of(exited.get());
		}
		return settled ? Optional.empty()
				: pending.values()
					.stream()
					.findFirst()
					.map((instance) -> instance.name() + " " + instance.port() + " did not become healthy within "
							+ START_WITHIN.toSeconds() + " s");
	}

	/**
	 * Waits until discovery knows every instance and the gateway reaches every service:
	 * both id-generators, the catalogue, orders, sagas, payment-service's own answer, and
	 * rate limits decided by the rate-limiter rather than the gateway's local fallback.
	 * @return what is not ready, if anything
	 */
	Optional<String> awaitRouted() {
		Map<String, Long> instances = this.topology.withRole(Role.SERVICE, Role.EDGE)
			.stream()
			.collect(Collectors.groupingBy(Instance::name, TreeMap::new, Collectors.counting()));
		for (Map.Entry<String, Long> service : instances.entrySet()) {
			if (!Poll.until(Duration.ofSeconds(90), POLL, () -> registered(service.getKey()) >= service.getValue())) {
				return Optional
					.of(service.getKey() + " did not register " + service.getValue() + " instance(s) with discovery");
			}
		}
		List<Check> checks = List.of(
				new Check("the gateway does not route /api/ids to both id-generator instances", this::bothIdGenerators),
				new Check("the gateway does not route /api/products", () -> status("/api/products") == 200),
				new Check("the gateway does not route /api/orders", () -> status("/api/orders?customerId=1") == 200),
				new Check("the gateway does not route /api/sagas", () -> status("/api/sagas?state=APPROVED") == 200),
				new Check("the gateway does not route /api/accounts to payment-service",
						() -> body("/api/accounts/1").contains("problems/account-not-found")),
				new Check("the gateway's rate limits come from its local fallback, not the rate-limiter",
						this::limiterDecides));
		for (Check check : checks) {
			if (!Poll.until(Duration.ofSeconds(60), POLL, check.passes())) {
				return Optional.of(check.failure());
			}
		}
		return Optional.empty();
	}

	private boolean healthy(Instance instance) {
		return get(instance.managementUrl("/actuator/health"), Map.of())
			.map((response) -> response.statusCode() == 200
					&& "UP".equals(JSON.readTree(response.body()).path("status").asString()))
			.orElse(false);
	}

	private boolean alive(Instance instance) {
		try {
			long pid = Long.parseLong(Files.readString(this.run.resolve(instance.id() + ".pid")).strip());
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

	private long registered(String service) {
		URI apps = this.topology.instance("discovery").url("/eureka/apps/" + service.toUpperCase(Locale.ROOT));
		return get(apps, Map.of("Accept", "application/json")).filter((response) -> response.statusCode() == 200)
			.map((response) -> {
				JsonNode instances = JSON.readTree(response.body()).path("application").path("instance");
				List<JsonNode> all = new ArrayList<>();
				instances.forEach(all::add);
				return all.stream().filter((instance) -> "UP".equals(instance.path("status").asString())).count();
			})
			.orElse(0L);
	}

	private boolean bothIdGenerators() {
		Set<Long> workers = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			String body = body("/api/ids?count=1").replaceAll("[^0-9]", "");
			if (body.isEmpty()) {
				return false;
			}
			workers.add((Long.parseLong(body) >> 12) & 1023); // the Snowflake worker-id
																// field
		}
		return workers.size() >= 2;
	}

	private boolean limiterDecides() {
		return get(this.topology.gateway().url("/api/products"), Map.of())
			.flatMap((response) -> response.headers().firstValue("RateLimit-Policy"))
			.filter((policy) -> !policy.contains("gateway-fallback"))
			.isPresent();
	}

	private int status(String path) {
		return asOperator(path).map(HttpResponse::statusCode).orElse(0);
	}

	private String body(String path) {
		return asOperator(path).map(HttpResponse::body).orElse("");
	}

	/**
	 * A request through the gateway with the operator's token, which every route accepts;
	 * nothing while the auth-server does not issue one yet.
	 */
	private Optional<HttpResponse<String>> asOperator(String path) {
		String token;
		try {
			token = this.tokens.admin();
		}
		catch (IllegalStateException ex) {
			return Optional.empty();
		}
		return get(this.topology.gateway().url(path), Map.of("Authorization", "Bearer " + token));
	}

	private Optional<HttpResponse<String>> get(URI uri, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
		headers.forEach(request::header);
		try {
			return Optional.of(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Check(String failure, BooleanSupplier passes) {
	}

}
