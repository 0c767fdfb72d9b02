package org.dsmastery.ratelimit.rules;

import java.util.Objects;

import org.dsmastery.ratelimiting.Limit;

/**
 * A limit for requests to a route, counted per key of a kind, for a tier of clients.
 * {@code *} as route or tier matches any.
 *
 * @param id the rule's name
 * @param route a gateway route id, or {@code *}
 * @param keyKind what the limit counts per
 * @param tier a client tier such as {@code free} or {@code pro}, or {@code *}
 * @param limit the limit
 */
public record Rule(String id, String route, KeyKind keyKind, String tier, Limit limit) {

	/** Matches any route or tier. */
	public static final String ANY = "*";

	public Rule {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(route, "route");
		Objects.requireNonNull(keyKind, "keyKind");
		Objects.requireNonNull(tier, "tier");
		Objects.requireNonNull(limit, "limit");
	}

	boolean matches(String route, KeyKind keyKind, String tier) {
		return this.keyKind == keyKind && (ANY.equals(this.route) || this.route.equals(route))
				&& (ANY.equals(this.tier) || this.tier.equals(tier));
	}

	/**
	 * How specific the rule is: an exact route beats an exact tier beats wildcards.
	 */
	int specificity() {
		return (ANY.equals(this.route) ? 0 : 2) + (ANY.equals(this.tier) ? 0 : 1);
	}

}
