package org.dsmastery.payment.application;

import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;

/**
 * The external payment provider (PSP). Calls carry the order as idempotency key, so
 * asking twice for one order never authorizes twice.
 */
public interface PaymentProvider {

	/**
	 * Asks the provider to authorize an amount. Never throws for a provider failure: an
	 * unavailable provider is a result.
	 * @param orderId the order, the idempotency key
	 * @param amount the amount
	 * @return what the provider said, or that it could not be reached
	 */
	ProviderResult authorize(OrderId orderId, Money amount);

	/**
	 * What the provider answered.
	 */
	sealed interface ProviderResult {

		/**
		 * Authorized.
		 *
		 * @param authorizationId the provider's reference
		 */
		record Authorized(String authorizationId) implements ProviderResult {
		}

		/**
		 * Refused by the provider.
		 *
		 * @param detail what it said
		 */
		record Declined(String detail) implements ProviderResult {
		}

		/**
		 * No answer: failing, too slow, or its circuit breaker is open.
		 *
		 * @param detail what went wrong
		 */
		record Unavailable(String detail) implements ProviderResult {
		}

	}

}
