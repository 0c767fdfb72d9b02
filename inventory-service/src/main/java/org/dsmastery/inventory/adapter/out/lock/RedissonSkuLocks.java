package org.dsmastery.inventory.adapter.out.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.dsmastery.inventory.application.SkuLockUnavailableException;
import org.dsmastery.inventory.application.SkuLocks;
import org.dsmastery.inventory.domain.FencingTokens;
import org.dsmastery.inventory.domain.Sku;
import org.redisson.api.RFencedLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sku locks as Redisson fenced locks named {@code inventory:lock:sku:<SKU>}. Each
 * acquisition increments the lock's token counter in Redis, so the token orders the
 * holders; the lease bounds how long a crashed or paused holder blocks the others. A
 * holder whose lease ran out cannot tell on its own: the stock row's fence check tells
 * it.
 * <p>
 * Each lock's wait is an Observation {@code inventory.lock.wait}: a span (with the sku)
 * and the timer {@code inventory.lock.wait{outcome}}, {@code outcome} being
 * {@code acquired}, {@code timeout} (not free within the wait time) or {@code error}
 * (Redis failed).
 */
public class RedissonSkuLocks implements SkuLocks {

	/** The prefix of every lock name. */
	public static final String PREFIX = "inventory:lock:sku:";

	private static final Logger logger = LoggerFactory.getLogger(RedissonSkuLocks.class);

	private static final String OUTCOME = "outcome";

	private static final String CATCH_UP = """
			if tonumber(redis.call('get', KEYS[1]) or '0') < tonumber(ARGV[1]) then
			  redis.call('set', KEYS[1], ARGV[1])
			  return 1
			end
			return 0""";

	private final RedissonClient redisson;

	private final Duration wait;

	private final Duration lease;

	private final Counter expiredLeases;

	private final ObservationRegistry observations;

	/**
	 * Creates the locks.
	 * @param redisson the Redis client
	 * @param wait how long to wait for each lock
	 * @param lease how long a lock is held at most
	 * @param meters where to count leases that ran out while held
	 * @param observations where each lock wait is observed
	 */
	public RedissonSkuLocks(RedissonClient redisson, Duration wait, Duration lease, MeterRegistry meters,
			ObservationRegistry observations) {
		this.redisson = redisson;
		this.observations = observations;
		this.wait = wait;
		this.lease = lease;
		this.expiredLeases = Counter.builder("inventory.lock.leases.expired")
			.description("sku locks whose lease ran out before their holder released them")
			.register(meters);
	}

	@Override
	public <T> T withLocks(Collection<Sku> skus, Function<FencingTokens, T> work) {
		List<RFencedLock> held = new ArrayList<>();
		Map<Sku, Long> tokens = new LinkedHashMap<>();
		try {
			for (Sku sku : new TreeSet<>(skus)) {
				RFencedLock lock = this.redisson.getFencedLock(PREFIX + sku.code());
				Long token = acquire(lock, sku);
				if (token == null) {
					throw new SkuLockUnavailableException(sku, this.wait);
				}
				held.add(lock);
				tokens.put(sku, token);
			}
			return work.apply(new FencingTokens(tokens));
		}
		finally {
			held.reversed().forEach(this::unlock);
		}
	}

	private Long acquire(RFencedLock lock, Sku sku) {
		Observation observation = Observation.createNotStarted("inventory.lock.wait", this.observations)
			.contextualName("lock wait " + sku.code())
			.lowCardinalityKeyValue(OUTCOME, "error")
			.highCardinalityKeyValue("sku", sku.code())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Long token = lock.tryLockAndGetToken(this.wait.toMillis(), this.lease.toMillis(), TimeUnit.MILLISECONDS);
			observation.lowCardinalityKeyValue(OUTCOME, (token != null) ? "acquired" : "timeout");
			return token;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	@Override
	public void catchUp(Map<Sku, Long> fences) {
		RScript script = this.redisson.getScript(StringCodec.INSTANCE);
		fences.forEach((sku, fence) -> {
			Long raised = script.eval(RScript.Mode.READ_WRITE, CATCH_UP, RScript.ReturnType.LONG,
					List.of(tokenCounter(sku)), Long.toString(fence));
			if (raised != null && raised == 1) {
				logger.warn("The token counter of {} was behind its fence {} (Redis lost it?); raised it", sku.code(),
						fence);
			}
		});
	}

	/**
	 * Returns the Redis key of a lock's token counter: Redisson's
	 * {@code redisson_lock_token:{<lock name>}}.
	 * @param sku the sku
	 * @return the key
	 */
	public static String tokenCounter(Sku sku) {
		return "redisson_lock_token:{" + PREFIX + sku.code() + "}";
	}

	private void unlock(RFencedLock lock) {
		try {
			lock.unlock();
		}
		catch (IllegalMonitorStateException ex) {
			// the lease ran out and the lock expired or passed to another holder;
			// whatever
			// this holder wrote after that was refused by the fence
			this.expiredLeases.increment();
			logger.warn("Lease of {} ran out while held", lock.getName());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release {}; its lease ends it", lock.getName(), ex);
		}
	}

}
