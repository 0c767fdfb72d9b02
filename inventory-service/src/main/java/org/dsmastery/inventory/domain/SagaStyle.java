package org.dsmastery.inventory.domain;

/**
 * How the PlaceOrder saga of an order runs, which decides who may trigger a compensation:
 * a choreographed reservation is released on a declined payment, an orchestrated one only
 * on saga-orchestrator's command (or when the order closes).
 */
public enum SagaStyle {

	/** saga-orchestrator sends {@code ReserveStock} / {@code ReleaseStock}. */
	ORCHESTRATED,

	/** Inventory reacts to {@code OrderPlaced} and {@code PaymentDeclined}. */
	CHOREOGRAPHED

}
