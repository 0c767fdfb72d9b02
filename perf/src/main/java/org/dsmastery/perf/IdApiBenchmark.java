package org.dsmastery.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Instance;
import org.dsmastery.topology.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ids per second that a client gets from the running platform ({@code ./platform up}),
 * one id per request against a thousand per request, through the gateway and directly
 * from one id-generator instance. Loopback only.
 */
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Threads(4)
public class IdApiBenchmark extends ThroughputBenchmark {

	/**
	 * The gateway, or one id-generator instance directly: a name in platform.topology.
	 */
	@Param({ "gateway", "id-generator" })
	public String target;

	private HttpClient client;

	private HttpRequest single;

	private HttpRequest batch;

	/**
	 * Prepares the requests and checks that the platform answers.
	 * @throws Exception if it does not
	 */
	@Setup
	public void setUp() throws Exception {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		// the operator's token: its client (shop-admin) is in the rate-limiter's
		// "internal"
		// tier, whose rule, not a shopper's, applies to benchmarks
		Instance instance = Topology.local().instance(this.target);
		String token = "Bearer " + PlatformTokens.local().admin();
		this.single = HttpRequest.newBuilder(instance.url("/api/ids")).header("Authorization", token).build();
		this.batch = HttpRequest.newBuilder(instance.url("/api/ids?count=" + SnowflakeGeneratorBenchmark.BATCH))
			.header("Authorization", token)
			.build();
		if (send(this.single).statusCode() != 200) {
			throw new IllegalStateException(instance.url() + " does not serve ids: start it with ./platform up");
		}
	}

	/**
	 * One id per HTTP request.
	 * @return the response
	 * @throws Exception on I/O failure
	 */
	@Benchmark
	public HttpResponse<byte[]> singlePerRequest() throws Exception {
		return checked(send(this.single));
	}

	/**
	 * A thousand ids per HTTP request, counted as a thousand operations.
	 * @return the response
	 * @throws Exception on I/O failure
	 */
	@Benchmark
	@OperationsPerInvocation(SnowflakeGeneratorBenchmark.BATCH)
	public HttpResponse<byte[]> batchPerRequest() throws Exception {
		return checked(send(this.batch));
	}

	private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static HttpResponse<byte[]> checked(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		return response;
	}

}
