package org.dsmastery.inventory.application;

import java.util.Map;
import java.util.Optional;

import org.dsmastery.inventory.domain.Sku;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-back of the product counters: drains what accumulated in Redis and adds it to the
 * PostgreSQL totals. Counts not yet flushed are lost if Redis loses them or the process
 * dies between drain and commit; that is the accepted price of counting every read
 * without a database write.
 */
@Service
public class CounterFlush {

	private static final Logger logger = LoggerFactory.getLogger(CounterFlush.class);

	private final ProductCounters counters;

	private final CounterStore store;

	private final TransactionTemplate transactions;

	CounterFlush(ProductCounters counters, CounterStore store, TransactionTemplate transactions) {
		this.counters = counters;
		this.store = store;
		this.transactions = transactions;
	}

	/**
	 * Moves the accumulated counts to the database.
	 * @return how many products had counts
	 */
	public int flush() {
		Map<Sku, ProductCounts> drained = this.counters.drain();
		if (drained.isEmpty()) {
			return 0;
		}
		try {
			this.transactions.executeWithoutResult((status) -> this.store.add(drained));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store the counts of {} products; putting them back", drained.size(), ex);
			this.counters.restore(drained);
			throw ex;
		}
		return drained.size();
	}

	/**
	 * Reads the flushed totals of a product.
	 * @param sku the product
	 * @return the totals (0 if never counted)
	 */
	public ProductCounts totals(Sku sku) {
		Optional<ProductCounts> totals = this.store.totals(sku);
		return totals.orElse(new ProductCounts(0, 0));
	}

}
