package org.dsmastery.perf;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The floor for any proxy on this machine: an HTTP/1.1 reverse proxy on Reactor Netty,
 * the gateway's own server and client, with nothing else. It takes the backends in turn,
 * copies the end-to-end headers each way and streams the bodies. No routes, filters,
 * circuit breaker, retry, rate limiting or metrics: {@link EdgeBenchmark} measures it
 * next to the gateway, over the same two id-generator instances, so that the gateway's
 * ratio splits into what the hop costs and what the gateway's features cost.
 * <p>
 * Like the gateway (ADR 0014), it runs one event loop per core for its server and its
 * client. {@code ./platform bench edge} starts it on port 8099 with the services' JVM
 * flags and stops it afterwards; it is a benchmark fixture, not a part of the platform.
 */
public final class BareProxy {

	private static final Logger logger = LoggerFactory.getLogger(BareProxy.class);

	/** Hop-by-hop headers (RFC 9110, section 7.6.1), and Host, which names the proxy. */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
			"trailer", "transfer-encoding", "upgrade", "host");

	private BareProxy() {
	}

	/**
	 * Starts the proxy and serves until the process is stopped.
	 * @param args the port, then each backend's base URL
	 */
	public static void main(String[] args) {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: BareProxy <port> <backend-base-url>...");
		}
		int port = Integer.parseInt(args[0]);
		List<String> backends = List.of(args).subList(1, args.length);
		LoopResources loops = LoopResources.create("bare-proxy", Runtime.getRuntime().availableProcessors(), true);
		HttpClient client = HttpClient.create(ConnectionProvider.create("bare-proxy", 500)).runOn(loops);
		AtomicLong sent = new AtomicLong();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.runOn(loops)
			.handle((request, response) -> client.headers((headers) -> copy(request.requestHeaders(), headers))
				.request(request.method())
				.uri(backends.get((int) (sent.getAndIncrement() % backends.size())) + request.uri())
				.send(request.receive().retain())
				.response((answer, body) -> response.status(answer.status())
					.headers(copy(answer.responseHeaders(), new DefaultHttpHeaders()))
					.send(body.retain()))
				.then())
			.bindNow();
		logger.info("Bare proxy on 127.0.0.1:{} to {}", server.port(), backends);
		server.onDispose().block();
	}

	private static HttpHeaders copy(HttpHeaders from, HttpHeaders to) {
		from.forEach((header) -> {
			if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				to.add(header.getKey(), header.getValue());
			}
		});
		return to;
	}

}
