package org.dsmastery.perf.platform;

import java.io.IOException;
import java.io.PrintStream;
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

import org.dsmastery.topology.Topology;

/**
 * Cold start and memory of the whole platform, as a user meets them: each round stops
 * everything, runs {@code ./platform up} (built jars, trained AOT caches), reads "ready
 * in" and the total PSS, places 20 orders, waits until each is decided and reads the PSS
 * again. The medians over rounds go to docs/performance.md.
 */
final class Footprint {

	private static final int ORDERS = 20;

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"(\\d+)\"");

	private final PrintStream out = System.out;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Path root;

	private final Path state;

	private final Topology topology;

	Footprint(Path root, Path state, Topology topology) {
		this.root = root;
		this.state = state;
		this.topology = topology;
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
			this.out.printf("\033[1m==> Round %d of %d: up, %d orders, down\033[0m%n", round, rounds, ORDERS);
			Run up = platform("up", true);
			if (up.exitCode() != 0) {
				return "up failed in round " + round + ": " + up.output();
			}
			int ready = number(up.output(), "ready in (\\d+)");
			int pss = number(up.output(), "total PSS: (\\d+)");
			placeOrdersAndAwaitTheirDecision(round);
			int busy = number(platform("status", true).output(), "total PSS: (\\d+)");
			platform("down", true);
			this.out.printf("    ready in %d s; PSS %d MiB after start, %d MiB after %d orders%n", ready, pss, busy,
					ORDERS);
			readies.add(ready);
			idle.add(pss);
			loaded.add(busy);
		}
		this.out.printf(
				"%nfootprint, median of %d rounds: ready in %d s (goal <= 45 s); PSS %d MiB after start, "
						+ "%d MiB after %d orders (goal <= 2.5 GB, 2384 MiB)%n",
				rounds, median(readies), median(idle), median(loaded), ORDERS);
		this.out.printf("rounds: ready %s s; PSS after start %s MiB; after orders %s MiB%n", joined(readies),
				joined(idle), joined(loaded));
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
				.header("X-API-Key", "platform-up")
				.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"footprint-" + i
						+ "\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"sagaStyle\":\"" + style + "\"}"))
				.build();
			Matcher id = ORDER_ID.matcher(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
			if (id.find()) {
				orders.add(this.topology.gateway().url("/api/orders/" + id.group(1)));
			}
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		for (URI order : orders) {
			while (System.nanoTime() < deadline && this.http
				.send(HttpRequest.newBuilder(order).header("X-API-Key", "platform-up").build(),
						HttpResponse.BodyHandlers.ofString())
				.body()
				.contains("\"PENDING\"")) {
				Thread.sleep(200);
			}
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
