package org.dsmastery.order.domain;

/**
 * How an order's PlaceOrder saga is run.
 */
public enum SagaStyle {

	/** saga-orchestrator drives the steps. */
	ORCHESTRATED,

	/** Participants react to each other's events. */
	CHOREOGRAPHED

}
