package org.dsmastery.payment.application;

import java.util.List;
import java.util.Locale;

/**
 * Maps a saga's reason, written for people
 * ({@code payment declined: insufficient-credit},
 * {@code step timed out: AUTHORIZING_PAYMENT}), to one of a few metric tag values:
 * {@code out-of-stock}, {@code insufficient-credit}, {@code provider-declined},
 * {@code provider-unavailable}, {@code order-closed}, {@code timeout}, {@code cancelled}
 * or {@code other}. Order-service, inventory-service and payment-service use the same
 * values.
 */
final class CompensationReasons {

	private static final List<String> CODES = List.of("insufficient-credit", "provider-declined",
			"provider-unavailable", "order-closed");

	private CompensationReasons() {
	}

	static String of(String reason) {
		if (reason == null || reason.isBlank()) {
			return "other";
		}
		String text = reason.toLowerCase(Locale.ROOT);
		if (text.contains("timed out")) {
			return "timeout";
		}
		if (text.contains("cancelled")) {
			return "cancelled";
		}
		if (text.contains("out of stock")) {
			return "out-of-stock";
		}
		return CODES.stream().filter(text::contains).findFirst().orElse("other");
	}

}
