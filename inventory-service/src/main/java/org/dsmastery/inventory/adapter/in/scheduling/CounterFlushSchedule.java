package org.dsmastery.inventory.adapter.in.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dsmastery.inventory.application.CounterFlush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Flushes the write-back counters every {@code shop.inventory.counters.flush-interval},
 * and once more on a graceful shutdown so that a planned stop loses nothing.
 */
public class CounterFlushSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CounterFlushSchedule.class);

	private final CounterFlush flush;

	private final Duration interval;

	private ScheduledExecutorService executor;

	public CounterFlushSchedule(CounterFlush flush, Duration interval) {
		this.flush = flush;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		long interval = this.interval.toMillis();
		this.executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("counter-flush").daemon(true).factory());
		this.executor.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.executor = null;
		flushQuietly();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		// stops before the data source and the Redis client, which it needs
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

	private void flushQuietly() {
		try {
			int products = this.flush.flush();
			if (products > 0) {
				logger.debug("Flushed the counters of {} products", products);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Counter flush failed; the counts wait in Redis for the next one", ex);
		}
	}

}
