package org.dsmastery.snowflake;

/**
 * Where a {@link PrefetchingIdClient} gets its ids from, typically the id-generator
 * service.
 */
@FunctionalInterface
public interface IdSource {

	/**
	 * Fetches a batch of fresh ids.
	 * @param count how many ids to fetch
	 * @return the ids, ascending; at least one
	 * @throws RuntimeException if the source cannot be reached
	 */
	long[] fetch(int count);

}
