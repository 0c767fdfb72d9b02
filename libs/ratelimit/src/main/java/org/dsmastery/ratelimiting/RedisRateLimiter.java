package org.dsmastery.ratelimiting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rate limiting in Redis: each decision is one atomic Lua script, one round trip, on
 * Redis's own clock, so any number of clients and instances share one exact limit per
 * key.
 * <p>
 * The scripts run with {@code EVALSHA} straight on a Lettuce connection: a decision is on
 * the hot path of every request, so it costs one command and one future, nothing more. A
 * Redis that does not know a script yet (a new or restarted server) gets it with
 * {@code EVAL} once. Many threads may share the connection: Lettuce pipelines their
 * commands.
 * <p>
 * Keys are {@code <prefix>{<key>}:<algorithm>}; the hash tag keeps a limit's keys in one
 * slot of a Redis Cluster.
 */
public final class RedisRateLimiter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisRateLimiter.class);

	private static final Duration MAX_CONNECT_BACKOFF = Duration.ofSeconds(2);

	private final Map<Algorithm, Script> scripts = new EnumMap<>(Algorithm.class);

	private final String prefix;

	private final Thread connector;

	private volatile StatefulRedisConnection<String, String> connection;

	private volatile boolean closed;

	/**
	 * Creates a limiter and starts connecting it.
	 * @param client the Redis client, whose {@link RedisURI} says where Redis is; the
	 * caller owns it
	 * @param prefix prefix of every key, such as {@code rl:}
	 */
	public RedisRateLimiter(RedisClient client, String prefix) {
		this.prefix = prefix;
		for (Algorithm algorithm : Algorithm.values()) {
			String source = load(algorithm.script());
			this.scripts.put(algorithm, new Script(sha1(source), source));
		}
		this.connector = Thread.ofVirtual().name("rate-limiter-connect").start(() -> connect(client));
	}

	private void connect(RedisClient client) {
		Duration backoff = Duration.ofMillis(50);
		while (!this.closed) {
			try {
				StatefulRedisConnection<String, String> opened = client.connect(StringCodec.UTF8);
				synchronized (this) {
					// close() may have run while connecting: then nobody else closes it
					if (this.closed) {
						opened.close();
					}
					else {
						this.connection = opened;
					}
				}
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Rate limiter cannot connect to Redis yet, retrying in {} ms: {}", backoff.toMillis(),
						ex.toString());
				LockSupport.parkNanos(backoff.toNanos());
				backoff = (backoff.compareTo(MAX_CONNECT_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_CONNECT_BACKOFF;
			}
		}
	}

	/**
	 * Whether the connection is open, for health checks and tests.
	 * @return {@code true} once connected
	 */
	public boolean connected() {
		StatefulRedisConnection<String, String> current = this.connection;
		return current != null && current.isOpen();
	}

	/**
	 * Closes the limiter's connection, or stops trying to open it.
	 */
	@Override
	public void close() {
		StatefulRedisConnection<String, String> current;
		synchronized (this) {
			this.closed = true;
			current = this.connection;
		}
		this.connector.interrupt();
		// a Spring connection factory may have shut the client, and with it this
		// connection, down already
		if (current != null && current.isOpen()) {
			current.close();
		}
	}

	/**
	 * Asks for permits.
	 * @param key who asks: a client, a customer, an IP, combined with a route
	 * @param limit the limit that applies
	 * @param permits how many, 1 to {@code limit.capacity()}
	 * @return the decision, when Redis has answered
	 */
	public Mono<Decision> acquire(String key, Limit limit, int permits) {
		return Mono.fromFuture(() -> decide(key, limit, permits));
	}

	/**
	 * Asks for permits, for callers without Reactor: the future completes on a Lettuce
	 * I/O thread.
	 * @param key who asks: a client, a customer, an IP, combined with a route
	 * @param limit the limit that applies
	 * @param permits how many, 1 to {@code limit.capacity()}
	 * @return the decision, when Redis has answered
	 */
	public CompletableFuture<Decision> decide(String key, Limit limit, int permits) {
		if (permits < 1 || permits > limit.capacity()) {
			return CompletableFuture.failedFuture(new IllegalArgumentException(
					"permits must be between 1 and the capacity " + limit.capacity() + ", was " + permits));
		}
		String base = this.prefix + "{" + key + "}:" + limit.algorithm().key();
		String[] keys = { base, base + ":seq" };
		String second = (limit.algorithm() == Algorithm.SLIDING_WINDOW) ? Long.toString(limit.window().toNanos() / 1000)
				: Double.toString(limit.ratePerSecond());
		String[] arguments = { Long.toString(limit.capacity()), second, Integer.toString(permits) };
		StatefulRedisConnection<String, String> current = this.connection;
		if (current == null) {
			return CompletableFuture.failedFuture(new RedisUnavailableException("not connected to Redis yet"));
		}
		return run(current.async(), this.scripts.get(limit.algorithm()), keys, arguments).thenApply(
				(reply) -> new Decision(reply.get(0) == 1L, reply.get(1), Duration.ofMillis(reply.get(2)), limit));
	}

	/**
	 * Asks for permits for several keys at once, pipelined on one connection.
	 * @param requests the requests
	 * @return the decisions, in request order
	 */
	public Flux<Decision> acquireAll(List<Request> requests) {
		return Flux.fromIterable(requests)
			.flatMapSequential((request) -> acquire(request.key(), request.limit(), request.permits()));
	}

	private static CompletableFuture<List<Long>> run(RedisAsyncCommands<String, String> redis, Script script,
			String[] keys, String[] arguments) {
		CompletableFuture<List<Long>> reply = redis
			.<List<Long>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, arguments)
			.toCompletableFuture();
		return reply.exceptionallyCompose((ex) -> (unwrap(ex) instanceof RedisNoScriptException)
				? redis.<List<Long>>eval(script.source(), ScriptOutputType.MULTI, keys, arguments).toCompletableFuture()
				: CompletableFuture.failedFuture(ex));
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	private static String sha1(String source) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String load(String name) {
		try (InputStream in = RedisRateLimiter.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing script " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One request of a batch.
	 *
	 * @param key who asks
	 * @param limit the limit
	 * @param permits how many permits
	 */
	public record Request(String key, Limit limit, int permits) {
	}

	private record Script(String sha, String source) {
	}

}
