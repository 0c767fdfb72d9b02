package org.dsmastery.inventory.domain;

import java.util.Map;

/**
 * The fencing tokens of the sku locks a writer holds. A token grows with every
 * acquisition of its lock, so a holder whose lease expired carries a smaller token than
 * the holder after it; the stock row remembers the largest token that wrote it and
 * refuses smaller ones.
 *
 * @param tokens token per locked sku
 */
public record FencingTokens(Map<Sku, Long> tokens) {

	/** No locks held: for operations that touch no stock row. */
	public static final FencingTokens NONE = new FencingTokens(Map.of());

	public FencingTokens {
		tokens = Map.copyOf(tokens);
	}

	/**
	 * Returns the token of a locked sku.
	 * @param sku the sku
	 * @return its token
	 * @throws IllegalStateException if the sku is not locked: writing it unfenced would
	 * defeat the lock
	 */
	public long of(Sku sku) {
		Long token = this.tokens.get(sku);
		if (token == null) {
			throw new IllegalStateException("no lock held on " + sku.code());
		}
		return token;
	}

	/**
	 * Tells whether every given sku is locked.
	 * @param skus the skus
	 * @return {@code true} if all are
	 */
	public boolean cover(Iterable<Sku> skus) {
		for (Sku sku : skus) {
			if (!this.tokens.containsKey(sku)) {
				return false;
			}
		}
		return true;
	}

}
