package org.dsmastery.order.contracts.v1;

/**
 * Kafka topics owned by order-service. Never derive topic names from class names.
 */
public final class OrderTopics {

	/** Events order-service publishes: {@link OrderPlaced}, {@link OrderApproved}, ... */
	public static final String EVENTS = "order.events.v1";

	/** Commands order-service handles: {@link ApproveOrder}, {@link RejectOrder}. */
	public static final String COMMANDS = "order.commands.v1";

	private OrderTopics() {
	}

}
