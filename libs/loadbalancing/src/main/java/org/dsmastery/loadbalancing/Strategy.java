package org.dsmastery.loadbalancing;

import java.util.Locale;

/**
 * How a service's instances are picked, set per service with
 * {@code shop.loadbalancer.<service>.strategy}.
 */
public enum Strategy {

	/** In turn; Spring Cloud LoadBalancer's default. */
	ROUND_ROBIN,

	/** The instance with the fewest requests in flight from this process, ties random. */
	LEAST_CONNECTIONS,

	/**
	 * In proportion to each instance's {@code weight} metadata (default 1), smooth
	 * weighted round-robin.
	 */
	WEIGHTED,

	/**
	 * By a request key (a header, {@code X-Customer-Id} by default) on a consistent-hash
	 * ring, so one key keeps going to one instance; round-robin for requests without the
	 * key.
	 */
	CONSISTENT_HASH;

	/**
	 * Parses a property value such as {@code least-connections}.
	 * @param value the value, in kebab or upper snake case
	 * @return the strategy
	 */
	public static Strategy of(String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown load-balancing strategy '" + value
					+ "': round-robin, least-connections, weighted or consistent-hash", ex);
		}
	}

}
