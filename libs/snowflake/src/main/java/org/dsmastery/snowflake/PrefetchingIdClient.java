package org.dsmastery.snowflake;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out ids from a local buffer that is refilled in the background from an
 * {@link IdSource}, so that callers rarely wait for the network and keep working through
 * a short outage of the id-generator: with a buffer of {@code capacity} ids, an outage is
 * invisible for as long as the caller needs fewer ids than are buffered.
 * <p>
 * A refill starts when the buffer falls to {@code refillThreshold}; at most one refill
 * runs at a time. A caller that finds the buffer empty waits up to {@code maxWait} for a
 * refill, then gets {@link IdsUnavailableException}. Ids come out in the order they were
 * fetched, so they are unique but, as with every prefetching scheme, only roughly
 * time-ordered across callers.
 */
public final class PrefetchingIdClient {

	private static final Logger logger = LoggerFactory.getLogger(PrefetchingIdClient.class);

	private static final long RETRY_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final IdSource source;

	private final BlockingQueue<Long> buffer;

	private final int capacity;

	private final int refillThreshold;

	private final Duration maxWait;

	private final Executor executor;

	private final AtomicBoolean refilling = new AtomicBoolean();

	private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

	/**
	 * Creates a client that refills on virtual threads.
	 * @param source where ids come from
	 * @param capacity how many ids to keep buffered
	 * @param refillThreshold refill when at most this many ids are left
	 * @param maxWait how long a caller waits on an empty buffer
	 */
	public PrefetchingIdClient(IdSource source, int capacity, int refillThreshold, Duration maxWait) {
		this(source, capacity, refillThreshold, maxWait,
				Thread.ofVirtual().name("id-prefetch-", 0).factory()::newThread);
	}

	PrefetchingIdClient(IdSource source, int capacity, int refillThreshold, Duration maxWait,
			Function<Runnable, Thread> threads) {
		if (capacity < 1 || refillThreshold < 0 || refillThreshold >= capacity) {
			throw new IllegalArgumentException("need capacity >= 1 and 0 <= refillThreshold < capacity");
		}
		this.source = source;
		this.capacity = capacity;
		this.refillThreshold = refillThreshold;
		this.maxWait = maxWait;
		this.buffer = new ArrayBlockingQueue<>(capacity);
		this.executor = (task) -> threads.apply(task).start();
	}

	/**
	 * Returns the next id, from the buffer if it has one.
	 * @return a unique id
	 * @throws IdsUnavailableException if the buffer is empty and no refill arrived within
	 * {@code maxWait}
	 */
	public long nextId() {
		Long id = this.buffer.poll();
		if (id == null) {
			id = awaitId();
		}
		if (this.buffer.size() <= this.refillThreshold) {
			refillInBackground();
		}
		return id;
	}

	/**
	 * Fills the buffer now, for example at start-up, so the first callers do not wait.
	 * @throws RuntimeException if the source fails
	 */
	public void prefill() {
		refill();
	}

	/**
	 * Returns how many ids are buffered.
	 * @return the buffered ids
	 */
	public int buffered() {
		return this.buffer.size();
	}

	private long awaitId() {
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		try {
			while (true) {
				refillInBackground();
				long left = deadline - System.nanoTime();
				Long id = this.buffer.poll(Math.min(left, RETRY_SLICE_NANOS), TimeUnit.NANOSECONDS);
				if (id != null) {
					return id;
				}
				if (System.nanoTime() >= deadline) {
					throw new IdsUnavailableException(
							"no id buffered and the id source did not deliver within " + this.maxWait,
							this.lastFailure.get());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IdsUnavailableException("interrupted while waiting for ids", ex);
		}
	}

	private void refillInBackground() {
		if (this.refilling.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				try {
					refill();
				}
				catch (RuntimeException ex) {
					logger.warn("Could not refill the id buffer ({} left): {}", this.buffer.size(), ex.toString());
				}
				finally {
					this.refilling.set(false);
				}
			});
		}
	}

	private void refill() {
		int wanted = this.capacity - this.buffer.size();
		if (wanted <= 0) {
			return;
		}
		try {
			for (long id : this.source.fetch(wanted)) {
				if (!this.buffer.offer(id)) {
					break;
				}
			}
			this.lastFailure.set(null);
		}
		catch (RuntimeException ex) {
			this.lastFailure.set(ex);
			throw ex;
		}
	}

}
