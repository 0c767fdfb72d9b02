package org.dsmastery.perf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Orders per second that {@code POST /api/orders} accepts on the running platform
 * ({@code ./platform up}): a new Idempotency-Key per request, one line, prices from
 * inventory, an event appended and an outbox message committed per order. Through the
 * gateway and directly to order-service. Loopback only.
 */
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(8)
public class OrderApiBenchmark extends ThroughputBenchmark {

	/** The gateway, or order-service directly: a name in platform.topology. */
	@Param({ "gateway", "order-service" })
	public String target;

	private HttpClient client;

	private final PlatformTokens tokens = PlatformTokens.local();

	private URI orders;

	/**
	 * Prepares the client.
	 */
	@Setup
	public void setUp() {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.orders = Topology.local().instance(this.target).url("/api/orders");
	}

	/**
	 * Places one order.
	 * @return the response
	 * @throws Exception on I/O failure
	 */
	@Benchmark
	public HttpResponse<Void> placeOrder() throws Exception {
		String body = "{\"customerId\":\"" + ThreadLocalRandom.current().nextInt(1, 10_000)
				+ "\",\"lines\":[{\"sku\":\"SKU-CABLE\",\"quantity\":1}]}";
		HttpRequest request = HttpRequest.newBuilder(this.orders)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Authorization", "Bearer " + this.tokens.admin())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("POST /api/orders answered " + response.statusCode());
		}
		return response;
	}

}
