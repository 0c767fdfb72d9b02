package org.dsmastery.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the edge costs, on the running platform ({@code ./platform up --peak}): {@code GET
 * /api/ids?count=1} directly from one id-generator instance, directly from both instances
 * in turn (the two the gateway balances over, so only the hop differs), through the
 * gateway with rate limiting, and through the gateway with rate limiting switched off at
 * runtime ({@code POST /actuator/ratelimit {"enabled":false}} on the gateway's management
 * port, restored afterwards). Every request carries the operator's token, which the
 * gateway and the id-generator validate. What that validation costs:
 * {@code GET /api/products/SKU-MOUSE}, the public catalogue, through the gateway with and
 * without a token (rate limiting off for both, so that the anonymous caller's small limit
 * does not decide): the same route, the same answer, one with a JWT to check at the
 * gateway and again at the inventory service. Throughput with 4 client threads and the
 * latency distribution (p99) with one client thread; loopback only.
 * <p>
 * The targets run in the JMH JVM itself ({@code @Fork(0)}): this JVM is only the client,
 * and a fresh fork per target started each one with a cold HTTP client whose throughput
 * was still climbing after 25 s, so the targets were compared at different stages of the
 * client's JIT warm-up. The services under test are separate JVMs in any case.
 * <p>
 * The services' C2 compiler needs minutes of load before the gateway's code paths run at
 * full speed, so {@code ./platform bench edge} first primes the gateway for 90 s; it then
 * runs this class in three rounds and judges the median ratio. JMH runs the targets of a
 * benchmark in the order declared, so the gateway is measured right after
 * {@code direct-both}, the baseline its goals are judged against.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(0)
@Threads(4)
public class EdgeBenchmark {

	private static final Topology TOPOLOGY = Topology.local();

	static final String GATEWAY = TOPOLOGY.gateway().url().toString();

	/** The {@link BareProxy} {@code ./platform bench edge} starts. */
	static final String BARE_PROXY = TOPOLOGY.instance("bare-proxy").url().toString();

	/** The id-generator instances {@code ./platform up} starts. */
	static final List<String> INSTANCES = TOPOLOGY.instances("id-generator")
		.stream()
		.map((instance) -> instance.url().toString())
		.toList();

	/**
	 * Where the requests go: {@code direct} to the first instance, {@code direct-both} to
	 * both instances in turn, {@code gateway} and {@code gateway-unlimited} through the
	 * gateway, which balances over both, and {@code bare-proxy} through a proxy with
	 * nothing but the hop, over both too (for information: the floor for any proxy);
	 * {@code catalogue} and {@code catalogue-token}: a product through the gateway,
	 * without and with a token.
	 */
	@Param({ "direct", "direct-both", "gateway", "gateway-unlimited", "bare-proxy", "catalogue", "catalogue-token" })
	public String target;

	private HttpClient client;

	private final PlatformTokens tokens = PlatformTokens.local();

	private List<HttpRequest> requests;

	private final AtomicLong sent = new AtomicLong();

	/**
	 * Prepares the requests, sets the gateway's rate limiting for the target and checks
	 * that every base answers ({@link #send()} takes the bases in turn).
	 * @throws Exception if it does not
	 */
	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<String> bases = switch (this.target) {
			case "direct" -> INSTANCES.subList(0, 1);
			case "direct-both" -> INSTANCES;
			case "bare-proxy" -> List.of(BARE_PROXY);
			default -> List.of(GATEWAY);
		};
		// the operator's token: its client (shop-admin) is in the rate-limiter's
		// "internal"
		// tier, whose rule (a million per second) decides, so nothing is refused; the
		// gateway leases its permits in blocks of 1,000 (lease-fraction 0 in the gateway
		// makes every request cost a decision)
		String path = this.target.startsWith("catalogue") ? "/api/products/SKU-MOUSE" : "/api/ids?count=1";
		String token = "catalogue".equals(this.target) ? null : "Bearer " + this.tokens.admin();
		this.requests = bases.stream().map((base) -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
			return ((token != null) ? request.header("Authorization", token) : request).build();
		}).toList();
		if (this.target.startsWith("gateway") || this.target.startsWith("catalogue")) {
			switchRateLimiting("gateway".equals(this.target));
		}
		for (String base : bases) {
			if (send().statusCode() != 200) {
				throw new IllegalStateException(base + " does not serve " + path + ": " + (BARE_PROXY.equals(base)
						? "./platform bench edge starts the bare proxy" : "start it with ./platform up"));
			}
		}
	}

	/**
	 * Leaves the gateway rate limiting again and closes the client.
	 * @throws Exception if the gateway does not answer
	 */
	@TearDown(Level.Trial)
	public void restore() throws Exception {
		try {
			if ("gateway-unlimited".equals(this.target) || this.target.startsWith("catalogue")) {
				switchRateLimiting(true);
			}
		}
		finally {
			this.client.close();
		}
	}

	/**
	 * Requests per second.
	 * @return the response
	 * @throws Exception on I/O failure
	 */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public HttpResponse<byte[]> throughput() throws Exception {
		return checked(send());
	}

	/**
	 * The latency one request sees, sampled (JMH reports p50, p99, p99.9), from one
	 * client thread: no request queues behind another, so the difference between the
	 * targets is what the hop itself adds.
	 * @return the response
	 * @throws Exception on I/O failure
	 */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Threads(1)
	public HttpResponse<byte[]> latency() throws Exception {
		return checked(send());
	}

	private void switchRateLimiting(boolean enabled) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(TOPOLOGY.gateway().managementUrl("/actuator/ratelimit"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + this.tokens.admin())
				.POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("the gateway did not switch rate limiting " + (enabled ? "on" : "off")
					+ ": HTTP " + response.statusCode() + " (is /actuator/ratelimit exposed?)");
		}
	}

	private HttpResponse<byte[]> send() throws IOException, InterruptedException {
		HttpRequest request = this.requests.get((int) (this.sent.getAndIncrement() % this.requests.size()));
		return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static HttpResponse<byte[]> checked(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		return response;
	}

}
