package org.dsmastery.inventory.contracts.v1;

/**
 * Kafka topics owned by inventory-service. Never derive topic names from class names.
 */
public final class InventoryTopics {

	/**
	 * Events inventory-service publishes: {@link StockReserved}, {@link StockRejected},
	 * ...
	 */
	public static final String EVENTS = "inventory.events.v1";

	/** Commands inventory-service handles: {@link ReserveStock}, {@link ReleaseStock}. */
	public static final String COMMANDS = "inventory.commands.v1";

	private InventoryTopics() {
	}

}
