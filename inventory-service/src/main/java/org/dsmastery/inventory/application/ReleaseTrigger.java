package org.dsmastery.inventory.application;

/**
 * What asks for a release, which decides what is answered and what is left behind.
 */
public enum ReleaseTrigger {

	/**
	 * {@code ReleaseStock} from saga-orchestrator: always answered with
	 * {@code StockReleased} (0 units if nothing was held); leaves a tombstone if nothing
	 * was reserved.
	 */
	COMMAND,

	/**
	 * {@code OrderRejected} / {@code OrderCancelled}, in either style: the safety net.
	 * Publishes {@code StockReleased} only if units were released; leaves a tombstone if
	 * nothing was reserved.
	 */
	ORDER_CLOSED,

	/**
	 * {@code PaymentDeclined}: releases only a choreographed reservation that holds units
	 * (an orchestrated one waits for the orchestrator's command).
	 */
	PAYMENT_DECLINED

}
