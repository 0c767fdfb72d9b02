package org.dsmastery.inventory.application;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import org.dsmastery.inventory.domain.FencingTokens;
import org.dsmastery.inventory.domain.Sku;

/**
 * Distributed locks per sku that hand out fencing tokens. Locks are taken in sorted sku
 * order, so two allocations never wait for each other in a cycle, each with a bounded
 * wait and a lease.
 */
public interface SkuLocks {

	/**
	 * Runs {@code work} holding the locks of every given sku; the locks are released when
	 * it returns or throws. {@code work} must commit before it returns.
	 * @param <T> the result type
	 * @param skus the skus to lock (none: no lock is taken)
	 * @param work what to do, given the tokens of the locks
	 * @return what {@code work} returned
	 * @throws SkuLockUnavailableException if a lock stayed taken for the whole wait
	 */
	<T> T withLocks(Collection<Sku> skus, Function<FencingTokens, T> work);

	/**
	 * Makes every future token of the given skus larger than the given fences. A lock
	 * service that lost its token counters (Redis restarted empty) would hand out tokens
	 * below the fences the stock rows hold, and every write would be refused for good.
	 * Raising a counter never lets a stale holder through: its token stays as small as it
	 * was.
	 * @param fences the largest token each stock row has seen
	 */
	void catchUp(Map<Sku, Long> fences);

}
