package org.dsmastery.ratelimiting;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Rate-limit rules kept in a Redis hash ({@value #DEFAULT_KEY} by default), one JSON
 * field per rule, and the tier of each caller that has one in a second hash (the same
 * name with {@code :tiers}, one field {@code <KEY_KIND>:<key>} per caller), so that every
 * process deciding limits applies the same ones. Each process matches against an
 * in-memory copy refreshed periodically once {@link #start() started}: a rule or a tier
 * changed in Redis applies everywhere within one refresh interval, and a Redis outage
 * keeps the last ones instead of dropping them.
 * <p>
 * A caller's tier is what this registry says, never what the caller claims: a caller
 * nobody gave a tier is {@value #DEFAULT_TIER}.
 * <p>
 * The stored JSON is the rate-limiter service's:
 * {@code {"id":"orders-free","route":"order-service","keyKind":"CUSTOMER","tier":"free","algorithm":"TOKEN_BUCKET","capacity":10,"ratePerSecond":2.0}}.
 */
public final class RedisRules implements AutoCloseable {

	/** The hash the rate-limiter service keeps its rules in. */
	public static final String DEFAULT_KEY = "rl:rules";

	/** The tier of a caller that has none in the registry. */
	public static final String DEFAULT_TIER = "free";

	private static final Logger logger = LoggerFactory.getLogger(RedisRules.class);

	/** Stored rules already reported as unreadable, so that each is said once. */
	private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ReactiveStringRedisTemplate redis;

	private final String key;

	private final String tiersKey;

	private final Duration refreshInterval;

	private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

	/** Writes through this instance so far: a reload that began before one is stale. */
	private final AtomicLong writes = new AtomicLong();

	private long snapshotWrites;

	private Disposable refresher;

	/**
	 * Creates rules read from a hash.
	 * @param redis the Redis connection
	 * @param key the hash
	 * @param refreshInterval how often the in-memory copy is reloaded
	 */
	public RedisRules(ReactiveStringRedisTemplate redis, String key, Duration refreshInterval) {
		this.redis = redis;
		this.key = key;
		this.tiersKey = key + ":tiers";
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Starts reloading the rules now and every refresh interval.
	 * @return this
	 */
	public RedisRules start() {
		return start(List.of(), List.of());
	}

	/**
	 * Starts reloading the rules and tiers now and every refresh interval. The default
	 * rules are stored first whenever the rules' hash does not exist: on a fresh Redis,
	 * after a Redis restart without persistence, or once Redis answers at all; the
	 * default tiers once per Redis.
	 * @param defaults the rules of a fresh Redis
	 * @param defaultTiers the tiers of a fresh Redis
	 * @return this
	 */
	public synchronized RedisRules start(Collection<Rule> defaults, Collection<TierAssignment> defaultTiers) {
		if (this.refresher == null) {
			List<Rule> seed = List.copyOf(defaults);
			List<TierAssignment> tierSeed = List.copyOf(defaultTiers);
			this.refresher = Flux.interval(Duration.ZERO, this.refreshInterval)
				// a reload slower than the interval skips ticks instead of failing
				.onBackpressureDrop()
				.concatMap((tick) -> reload(seed, tierSeed))
				.subscribe();
		}
		return this;
	}

	private Mono<Snapshot> reload(Collection<Rule> seed, Collection<TierAssignment> tierSeed) {
		return seedIfEmpty(seed).then(seedTiersOnce(tierSeed)).then(load()).onErrorResume((ex) -> {
			logger.warn("Could not reload rate-limit rules and tiers from {}, keeping the last ones: {}", this.key,
					ex.toString());
			return Mono.empty();
		});
	}

	/**
	 * Finds the most specific rule for a request in the in-memory copy.
	 * @param route the route
	 * @param keyKind what the caller is identified by
	 * @param tier the caller's tier
	 * @return the rule, if any applies
	 */
	public Optional<Rule> match(String route, KeyKind keyKind, String tier) {
		return this.snapshot.rules()
			.values()
			.stream()
			.filter((rule) -> rule.matches(route, keyKind, tier))
			.max(Comparator.comparingInt(Rule::specificity).thenComparing(Rule::id));
	}

	/**
	 * Reads every rule from Redis.
	 * @return the rules, sorted by id
	 */
	public Mono<List<Rule>> all() {
		return loadRules().map((loaded) -> loaded.values().stream().sorted(Comparator.comparing(Rule::id)).toList());
	}

	/**
	 * Finds a caller's tier in the in-memory copy.
	 * @param keyKind what the caller is identified by
	 * @param key the client id, customer id or IP address
	 * @return the tier the registry gives the caller, or {@value #DEFAULT_TIER}
	 */
	public String tierOf(KeyKind keyKind, String key) {
		return this.snapshot.tiers().getOrDefault(TierAssignment.field(keyKind, key), DEFAULT_TIER);
	}

	/**
	 * Reads every tier assignment from Redis.
	 * @return the assignments, by key kind and key
	 */
	public Mono<List<TierAssignment>> tiers() {
		return loadTiers().map((loaded) -> loaded.entrySet()
			.stream()
			.filter((entry) -> TierAssignment.readable(entry.getKey()))
			.map((entry) -> TierAssignment.of(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(TierAssignment::keyKind).thenComparing(TierAssignment::key))
			.toList());
	}

	/**
	 * Gives a caller a tier, replacing the one it had; effective at once in this process.
	 * @param assignment the caller and its tier
	 * @return the assignment
	 */
	public Mono<TierAssignment> assign(TierAssignment assignment) {
		return written(this.redis.opsForHash().put(this.tiersKey, assignment.field(), assignment.tier()))
			.thenReturn(assignment);
	}

	/**
	 * Takes a caller's tier away, so that it is {@value #DEFAULT_TIER} again.
	 * @param keyKind what the caller is identified by
	 * @param key the client id, customer id or IP address
	 * @return whether it had one
	 */
	public Mono<Boolean> unassign(KeyKind keyKind, String key) {
		return written(this.redis.opsForHash().remove(this.tiersKey, TierAssignment.field(keyKind, key)))
			.map((removed) -> removed > 0);
	}

	/**
	 * Creates or replaces a rule; effective at once in this process.
	 * @param rule the rule
	 * @return the rule
	 */
	public Mono<Rule> save(Rule rule) {
		return written(this.redis.opsForHash().put(this.key, rule.id(), toJson(rule))).thenReturn(rule);
	}

	/**
	 * Deletes a rule.
	 * @param id the rule
	 * @return whether it existed
	 */
	public Mono<Boolean> delete(String id) {
		return written(this.redis.opsForHash().remove(this.key, id)).map((removed) -> removed > 0);
	}

	/**
	 * Stores rules if the hash does not exist yet, such as a fresh Redis's defaults.
	 * @param defaults the rules
	 * @return completion
	 */
	public Mono<Void> seedIfEmpty(Collection<Rule> defaults) {
		if (defaults.isEmpty()) {
			return Mono.empty();
		}
		return this.redis.hasKey(this.key)
			.flatMap((exists) -> exists ? Mono.empty()
					: Flux.fromIterable(defaults)
						.concatMap((rule) -> this.redis.opsForHash().putIfAbsent(this.key, rule.id(), toJson(rule)))
						.then());
	}

	/**
	 * Stores the default tiers once per Redis, marked by {@code <tiers hash>:seeded}:
	 * unlike the rules, taking every assignment away is a state to keep (a real edge
	 * deletes the seeded keys), and Redis drops an empty hash.
	 */
	private Mono<Void> seedTiersOnce(Collection<TierAssignment> defaults) {
		if (defaults.isEmpty()) {
			return Mono.empty();
		}
		return this.redis.opsForValue()
			.setIfAbsent(this.tiersKey + ":seeded", Instant.now().toString())
			.flatMap((first) -> first ? Flux.fromIterable(defaults)
				.concatMap((assignment) -> this.redis.opsForHash()
					.putIfAbsent(this.tiersKey, assignment.field(), assignment.tier()))
				.then() : Mono.empty());
	}

	/**
	 * Reloads the in-memory copy now.
	 * @return completion
	 */
	public Mono<Void> refresh() {
		return load().then();
	}

	/**
	 * A write, then a reload of the in-memory copy, so that the write is effective in
	 * this process once the result is.
	 */
	private <T> Mono<T> written(Mono<T> write) {
		return write.doOnNext((result) -> this.writes.incrementAndGet())
			.flatMap((result) -> refresh().thenReturn(result));
	}

	/**
	 * Reads the rules and tiers and makes them the in-memory copy, unless this process
	 * wrote to Redis while they were read: then a reload that began after the write
	 * replaces them, and this one would put the write's effect back by up to an interval.
	 */
	private Mono<Snapshot> load() {
		return Mono.defer(() -> {
			long seen = this.writes.get();
			return Mono.zip(loadRules(), loadTiers(), Snapshot::new).doOnNext((loaded) -> apply(seen, loaded));
		});
	}

	private synchronized void apply(long seen, Snapshot loaded) {
		if (seen >= this.snapshotWrites) {
			this.snapshot = loaded;
			this.snapshotWrites = seen;
		}
	}

	private Mono<Map<String, Rule>> loadRules() {
		return this.redis.<String, String>opsForHash()
			.values(this.key)
			.flatMapIterable(this::readable)
			.collect(Collectors.toMap(Rule::id, Function.identity()));
	}

	/**
	 * A stored rule this version can read, or none: a rule written by another version (a
	 * key kind since renamed, such as {@code API_KEY} before the caller came from a
	 * token) is skipped, said once at WARN, and never stops the others from loading.
	 */
	private List<Rule> readable(String json) {
		try {
			return List.of(fromJson(json));
		}
		catch (RuntimeException ex) {
			if (this.unreadable.add(json)) {
				logger.warn("Skipping a stored rate-limit rule this version cannot read ({}): {}",
						ex.getClass().getSimpleName(), json);
			}
			return List.of();
		}
	}

	private Mono<Map<String, String>> loadTiers() {
		return this.redis.<String, String>opsForHash()
			.entries(this.tiersKey)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	static String toJson(Rule rule) {
		return JSON.writeValueAsString(new StoredRule(rule.id(), rule.route(), rule.keyKind(), rule.tier(),
				rule.limit().algorithm(), rule.limit().capacity(), rule.limit().ratePerSecond()));
	}

	static Rule fromJson(String json) {
		StoredRule stored = JSON.readValue(json, StoredRule.class);
		return new Rule(stored.id(), stored.route(), stored.keyKind(), stored.tier(),
				new Limit(stored.algorithm(), stored.capacity(), stored.ratePerSecond()));
	}

	@Override
	public synchronized void close() {
		if (this.refresher != null) {
			this.refresher.dispose();
			this.refresher = null;
		}
	}

	private record Snapshot(Map<String, Rule> rules, Map<String, String> tiers) {
	}

	private record StoredRule(String id, String route, KeyKind keyKind, String tier, Algorithm algorithm, long capacity,
			double ratePerSecond) {
	}

}
