package org.dsmastery.perf.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Asks a condition on a schedule until it holds or time runs out: how the platform tools
 * wait for what they watch from outside (a health endpoint, a route, an order's status).
 */
final class Poll {

	private Poll() {
	}

	/**
	 * Asks {@code condition} at once, then every {@code interval} after the last answer.
	 * @param timeout how long to keep asking
	 * @param interval the pause between two questions
	 * @param condition the question; it runs on the poller's own thread
	 * @return {@code true} once it held, {@code false} if it did not within the timeout
	 * @throws IllegalStateException if the condition threw
	 */
	static boolean until(Duration timeout, Duration interval, BooleanSupplier condition) {
		CompletableFuture<Boolean> held = new CompletableFuture<>();
		try (ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor()) {
			poller.scheduleWithFixedDelay(() -> {
				try {
					if (condition.getAsBoolean()) {
						held.complete(true);
					}
				}
				catch (RuntimeException ex) {
					held.completeExceptionally(ex);
				}
			}, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
			try {
				return held.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				return false;
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				poller.shutdownNow();
			}
		}
	}

}
