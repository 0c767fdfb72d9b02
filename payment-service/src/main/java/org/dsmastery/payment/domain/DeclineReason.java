package org.dsmastery.payment.domain;

/**
 * The stable reason codes of a declined payment (they travel on {@code PaymentDeclined}).
 */
public final class DeclineReason {

	/** The customer's balance is below the amount (or in another currency). */
	public static final String INSUFFICIENT_CREDIT = "insufficient-credit";

	/** The payment provider refused the authorization. */
	public static final String PROVIDER_DECLINED = "provider-declined";

	/**
	 * The payment provider did not answer in time, failed every retry, or its circuit is
	 * open.
	 */
	public static final String PROVIDER_UNAVAILABLE = "provider-unavailable";

	/** The order was already rejected or cancelled: a late authorization is refused. */
	public static final String ORDER_CLOSED = "order-closed";

	private DeclineReason() {
	}

}
