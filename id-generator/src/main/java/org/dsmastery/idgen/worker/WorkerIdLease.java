package org.dsmastery.idgen.worker;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.idgen.IdGeneratorProperties;
import org.dsmastery.snowflake.SnowflakeGenerator;
import org.dsmastery.snowflake.SnowflakeLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Leases a Snowflake worker id in Redis so that no two live instances ever share one.
 * <p>
 * Acquire: {@code SET idgen:worker:<n> <token> NX PX <ttl>} for the lowest free
 * {@code n}. Keep: a heartbeat renews the TTL only while the key still holds this
 * instance's token (a Lua compare-and-expire). Trust: the lease counts as held for half
 * the TTL after the last successful renewal; past that, requests get 503 rather than risk
 * an id that another instance, which may have taken the worker id over, could also issue.
 * Release: on shutdown the key is deleted if it is still ours.
 * <p>
 * Each worker id has a high-water mark ({@code idgen:worker:<n>:hwm}): the latest time
 * its holder may have issued ids at. A new holder starts its generator after that mark,
 * so a clock that is behind the previous holder's cannot repeat its ids.
 * <p>
 * Metrics: {@code idgen.worker.id} (the worker id held, -1 for none) and
 * {@code idgen.worker.lease.lost}, counted once per lease this instance loses: when a
 * renewal finds the key expired or held by another instance, or when renewals fail until
 * the lease is no longer trusted (Redis unreachable for half the TTL), whichever comes
 * first.
 */
@Component
public class WorkerIdLease implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WorkerIdLease.class);

	private static final String KEY_PREFIX = "idgen:worker:";

	private static final RedisScript<String> ACQUIRE = RedisScript.of("""
			if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
			  return redis.call('get', KEYS[2]) or '0'
			end
			return false
			""", String.class);

	private static final RedisScript<Long> RENEW = RedisScript.of("""
			if redis.call('get', KEYS[1]) == ARGV[1] then
			  redis.call('pexpire', KEYS[1], ARGV[2])
			  redis.call('set', KEYS[2], ARGV[3])
			  return 1
			end
			return 0
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('get', KEYS[1]) == ARGV[1] then
			  redis.call('set', KEYS[2], ARGV[2])
			  return redis.call('del', KEYS[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final IdGeneratorProperties properties;

	private final String token = UUID.randomUUID().toString();

	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("worker-lease-heartbeat").daemon().factory());

	private volatile Lease lease;

	private volatile boolean running;

	private final Counter leasesLost;

	// the lease last counted as lost, so that one loss counts once
	private volatile Lease lost;

	WorkerIdLease(StringRedisTemplate redis, IdGeneratorProperties properties, MeterRegistry meterRegistry) {
		this.redis = redis;
		this.properties = properties;
		Gauge.builder("idgen.worker.id", this, (self) -> self.workerId().orElse(-1))
			.description("The Snowflake worker id this instance holds, -1 for none")
			.register(meterRegistry);
		this.leasesLost = Counter.builder("idgen.worker.lease.lost")
			.description("Worker-id leases this instance lost: expired, taken over, or not renewed in time")
			.register(meterRegistry);
	}

	/**
	 * Returns the generator of the worker id this instance holds.
	 * @return the generator
	 * @throws NoWorkerIdException if no lease is held or it could not be renewed in time
	 */
	public SnowflakeGenerator generator() {
		Lease current = this.lease;
		if (current == null) {
			throw new NoWorkerIdException("this instance holds no worker id");
		}
		if (System.nanoTime() - current.validUntilNanos() > 0) {
			throw new NoWorkerIdException("the worker-id lease could not be renewed in time");
		}
		return current.generator();
	}

	/**
	 * Returns the worker id held, if any.
	 * @return the worker id
	 */
	public OptionalInt workerId() {
		Lease current = this.lease;
		return (current != null) ? OptionalInt.of(current.generator().workerId()) : OptionalInt.empty();
	}

	/**
	 * Returns whether a lease is held and still trusted.
	 * @return {@code true} if ids may be issued
	 */
	public boolean isValid() {
		Lease current = this.lease;
		return current != null && System.nanoTime() - current.validUntilNanos() <= 0;
	}

	@Override
	public void start() {
		this.running = true;
		try {
			acquire();
		}
		catch (RuntimeException ex) {
			// Redis is not there yet: health stays DOWN and the heartbeat keeps trying
			logger.warn("Could not lease a worker id yet: {}", ex.toString());
		}
		long period = this.properties.heartbeat().toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.heartbeats.shutdownNow();
		Lease current = this.lease;
		this.lease = null;
		if (current != null) {
			try {
				this.redis.execute(RELEASE, keys(current.generator().workerId()), this.token,
						Long.toString(current.generator().lastIssuedAtMillis()));
				logger.info("Released worker id {}", current.generator().workerId());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release worker id {}; it expires by itself", current.generator().workerId(), ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the Redis connection factory starts, before the web server; stops in
		// reverse
		return 100;
	}

	private void heartbeat() {
		Lease current = this.lease;
		try {
			if (current == null) {
				acquire();
				return;
			}
			long started = System.nanoTime();
			int workerId = current.generator().workerId();
			long highWaterMark = System.currentTimeMillis() + ttl().toMillis();
			Long renewed = this.redis.execute(RENEW, keys(workerId), this.token, Long.toString(ttl().toMillis()),
					Long.toString(highWaterMark));
			if (renewed != null && renewed == 1L) {
				this.lease = new Lease(current.generator(), validUntil(started));
			}
			else {
				logger.warn("Lost worker id {}: the lease expired and may be held by another instance", workerId);
				lost(current);
				this.lease = null;
				acquire();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the worker-id lease: {}", ex.toString());
			if (current != null && System.nanoTime() - current.validUntilNanos() > 0) {
				lost(current);
			}
		}
	}

	private void lost(Lease lease) {
		if (this.lost != lease) {
			this.lost = lease;
			this.leasesLost.increment();
		}
	}

	private void acquire() {
		long started = System.nanoTime();
		for (int workerId = 0; workerId <= SnowflakeLayout.MAX_WORKER_ID; workerId++) {
			String highWaterMark = this.redis.execute(ACQUIRE, keys(workerId), this.token,
					Long.toString(ttl().toMillis()));
			if (highWaterMark != null) {
				SnowflakeGenerator generator = new SnowflakeGenerator(workerId, this.properties.maxBackwardDrift(),
						System::currentTimeMillis, Long.parseLong(highWaterMark));
				this.lease = new Lease(generator, validUntil(started));
				logger.info("Leased worker id {} (high-water mark {})", workerId, highWaterMark);
				return;
			}
		}
		logger.error("All {} worker ids are leased; this instance cannot issue ids", SnowflakeLayout.MAX_WORKER_ID + 1);
	}

	private long validUntil(long renewalStartedNanos) {
		return renewalStartedNanos + ttl().toNanos() / 2;
	}

	private Duration ttl() {
		return this.properties.leaseTtl();
	}

	private static List<String> keys(int workerId) {
		return List.of(KEY_PREFIX + workerId, KEY_PREFIX + workerId + ":hwm");
	}

	private record Lease(SnowflakeGenerator generator, long validUntilNanos) {
	}

}
