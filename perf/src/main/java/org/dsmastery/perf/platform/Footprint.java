package org.dsmastery.perf.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cold start and memory of the whole platform, as a user meets them: each round stops
 * everything, runs {@code ./platform up} (built jars, trained AOT caches), reads "ready
 * in" and the total PSS, places 20 orders, waits until each is decided and reads the PSS
 * again. The medians over rounds go to docs/performance.md.
 */
final class Footprint {

	private static final Logger logger = LoggerFactory.getLogger(Footprint.class);

	private static final int ORDERS = 20;

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"(\\d+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final Path root;

	private final Path state;

	private final Topology topology;

	private final PlatformTokens tokens;

	Footprint(Path root, Path state, Topology topology) {
		this.root = root;
		this.state = state;
		this.topology = topology;
		this.tokens = new PlatformTokens(topology, state);
	}

	/**
	 * Runs the rounds.
	 * @param args the number of rounds (3 by default)
	 * @return what stopped the benchmark, or {@code null}
	 * @throws Exception if a request fails
	 */
	String run(String[] args) throws Exception {
		int rounds = (args.length > 0 && args[0].matches("[1-9][0-9]*")) ? Integer.parseInt(args[0]) : 3;
		if (args.length > 1 || (args.length == 1 && !args[0].matches("[1-9][0-9]*"))) {
			return "usage: ./platform bench footprint [rounds]";
		}
		// builds and trains the AOT caches if anything changed: not part of any round
		if (platform("up", false).exitCode() != 0) {
			return "the platform does not start; see ./platform up";
		}
		platform("down", true);
		List<Integer> readies = new ArrayList<>();
		List<Integer> idle = new ArrayList<>();
		List<Integer> loaded = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			logger.info("\033[1m==> Round {} of {}: up, {} orders, down\033[0m", round, rounds, ORDERS);
			Run up = platform("up", true);
			if (up.exitCode() != 0) {
				return "up failed in round " + round + ": " + up.output();
			}
			int ready = number(up.output(), "ready in (\\d+)");
			int pss = number(up.output(), "total PSS: (\\d+)");
			placeOrdersAndAwaitTheirDecision(round);
			int busy = number(platform("status", true).output(), "total PSS: (\\d+)");
			platform("down", true);
			logger.info("    ready in {} s; PSS {} MiB after start, {} MiB after {} orders", ready, pss, busy, ORDERS);
			readies.add(ready);
			idle.add(pss);
			loaded.add(busy);
		}
		logger.info(
				"\nfootprint, median of {} rounds: ready in {} s (goal <= 45 s); PSS {} MiB after start, "
						+ "{} MiB after {} orders (goal <= 2.5 GB, 2384 MiB)",
				rounds, median(readies), median(idle), median(loaded), ORDERS);
		logger.info("rounds: ready {} s; PSS after start {} MiB; after orders {} MiB", joined(readies), joined(idle),
				joined(loaded));
		return null;
	}

	private void placeOrdersAndAwaitTheirDecision(int round) throws Exception {
		List<URI> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			String style = (i % 2 == 0) ? "orchestrated" : "choreographed";
			HttpRequest request = HttpRequest.newBuilder(this.topology.gateway().url("/api/orders"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", "footprint-" + ProcessHandle.current().pid() + "-" + round + "-" + i)
				.header("Authorization", "Bearer " + this.tokens.admin())
				.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + (9_000_000 + i)
						+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"sagaStyle\":\"" + style + "\"}"))
				.build();
			Matcher id = ORDER_ID.matcher(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
			if (id.find()) {
				orders.add(this.topology.gateway().url("/api/orders/" + id.group(1)));
			}
		}
		Poll.until(Duration.ofSeconds(60), Duration.ofMillis(200),
				() -> orders.stream().noneMatch((order) -> get(order).contains("\"PENDING\"")));
	}

	private String get(URI uri) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + this.tokens.admin()).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Run platform(String command, boolean skipBuild) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(this.root.resolve("platform").toString(), command)
			.directory(this.root.toFile())
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("PLATFORM_STATE", this.state.toString());
		environment.put("PLATFORM_SKIP_BUILD", skipBuild ? "1" : "0");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Run(process.waitFor(), output);
	}

	private static int number(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no '" + regex + "' in:\n" + text);
		}
		return Integer.parseInt(matcher.group(1));
	}

	private static int median(List<Integer> values) {
		List<Integer> sorted = values.stream().sorted().toList();
		return sorted.get((sorted.size() - 1) / 2);
	}

	private static String joined(List<Integer> values) {
		return String.join(" ", values.stream().map(String::valueOf).toList());
	}

	private record Run(int exitCode, String output) {
	}

}
