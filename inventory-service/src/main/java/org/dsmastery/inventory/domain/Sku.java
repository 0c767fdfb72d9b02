package org.dsmastery.inventory.domain;

import java.util.regex.Pattern;

/**
 * A stock-keeping unit.
 *
 * @param code upper-case letters, digits and dashes, at most 64
 */
public record Sku(String code) implements Comparable<Sku> {

	/** The longest SKU code. */
	public static final int MAX_LENGTH = 64;

	/** The format of a SKU code. */
	public static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

	public Sku {
		if (code == null || !FORMAT.matcher(code).matches()) {
			throw new IllegalArgumentException("not a SKU: " + code);
		}
	}

	@Override
	public int compareTo(Sku other) {
		return this.code.compareTo(other.code);
	}

}
