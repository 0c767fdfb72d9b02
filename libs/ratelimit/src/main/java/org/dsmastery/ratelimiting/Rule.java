package org.dsmastery.ratelimiting;

import java.util.Objects;

/**
 * A limit for requests to a route, counted per key of a kind, for a tier of clients.
 * {@code *} as route or tier matches any. The same shape as the rate-limiter service's
 * rules, and stored the same way (see {@link RedisRules}).
 *
 * @param id the rule's name; also the prefix of the Redis keys its limit counts in
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

	/**
	 * Returns whether the rule applies to a request.
	 * @param route the route called
	 * @param keyKind what identifies the caller
	 * @param tier the caller's tier
	 * @return whether it applies
	 */
	public boolean matches(String route, KeyKind keyKind, String tier) {
		return this.keyKind == keyKind && (ANY.equals(this.route) || this.route.equals(route))
				&& (ANY.equals(this.tier) || this.tier.equals(tier));
	}

	/**
	 * Returns how specific the rule is: an exact route beats an exact tier beats
	 * wildcards.
	 * @return 0 to 3
	 */
	public int specificity() {
		return (ANY.equals(this.route) ? 0 : 2) + (ANY.equals(this.tier) ? 0 : 1);
	}

}
