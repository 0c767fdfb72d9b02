package org.dsmastery.ratelimiting;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Rate limiting in Redis: each decision is one atomic Lua script, one round trip, on
 * Redis's own clock, so any number of clients and instances share one exact limit per
 * key.
 * <p>
 * Keys are {@code <prefix>{<key>}:<algorithm>}; the hash tag keeps a limit's keys in one
 * slot of a Redis Cluster.
 */
public final class RedisRateLimiter {

	private static final Map<Algorithm, RedisScript<List<Long>>> SCRIPTS = new EnumMap<>(Algorithm.class);

	static {
		for (Algorithm algorithm : Algorithm.values()) {
			@SuppressWarnings({ "unchecked", "rawtypes" })
			RedisScript<List<Long>> script = (RedisScript) RedisScript
				.of(new ClassPathResource(algorithm.script(), RedisRateLimiter.class), List.class);
			SCRIPTS.put(algorithm, script);
		}
	}

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	/**
	 * Creates a limiter.
	 * @param redis the Redis connection
	 * @param prefix prefix of every key, such as {@code rl:}
	 */
	public RedisRateLimiter(ReactiveStringRedisTemplate redis, String prefix) {
		this.redis = redis;
		this.prefix = prefix;
	}

	/**
	 * Asks for permits.
	 * @param key who asks: an API key, a customer, an IP, combined with a route
	 * @param limit the limit that applies
	 * @param permits how many, 1 to {@code limit.capacity()}
	 * @return the decision
	 */
	public Mono<Decision> acquire(String key, Limit limit, int permits) {
		if (permits < 1 || permits > limit.capacity()) {
			return Mono.error(new IllegalArgumentException(
					"permits must be between 1 and the capacity " + limit.capacity() + ", was " + permits));
		}
		String base = this.prefix + "{" + key + "}:" + limit.algorithm().name().toLowerCase();
		List<String> keys = List.of(base, base + ":seq");
		String second = (limit.algorithm() == Algorithm.SLIDING_WINDOW) ? Long.toString(limit.window().toNanos() / 1000)
				: Double.toString(limit.ratePerSecond());
		return this.redis
			.execute(SCRIPTS.get(limit.algorithm()), keys,
					List.of(Long.toString(limit.capacity()), second, Integer.toString(permits)))
			.next()
			.map((reply) -> new Decision(reply.get(0) == 1L, reply.get(1), Duration.ofMillis(reply.get(2)), limit));
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

	/**
	 * One request of a batch.
	 *
	 * @param key who asks
	 * @param limit the limit
	 * @param permits how many permits
	 */
	public record Request(String key, Limit limit, int permits) {
	}

}
