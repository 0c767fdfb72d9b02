package org.dsmastery.ratelimiting;

import java.util.Arrays;
import java.util.Objects;

/**
 * A caller's tier, as the registry in {@link RedisRules} keeps it: the rules of that tier
 * apply to the caller, whatever the caller's request says about itself.
 *
 * @param keyKind what the caller is identified by
 * @param key the client id, customer id or IP address
 * @param tier the tier, such as {@code pro} or {@code internal}
 */
public record TierAssignment(KeyKind keyKind, String key, String tier) {

	public TierAssignment {
		Objects.requireNonNull(keyKind, "keyKind");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(tier, "tier");
	}

	static String field(KeyKind keyKind, String key) {
		return keyKind.name() + ":" + key;
	}

	String field() {
		return field(this.keyKind, this.key);
	}

	/**
	 * Whether a stored field names a key kind this version knows ({@code API_KEY} fields
	 * of an older one are left alone, and unlisted).
	 */
	static boolean readable(String field) {
		int colon = field.indexOf(':');
		return colon > 0
				&& Arrays.stream(KeyKind.values()).anyMatch((kind) -> kind.name().equals(field.substring(0, colon)));
	}

	static TierAssignment of(String field, String tier) {
		int colon = field.indexOf(':');
		return new TierAssignment(KeyKind.valueOf(field.substring(0, colon)), field.substring(colon + 1), tier);
	}

}
