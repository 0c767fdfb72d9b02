package org.dsmastery.payment.domain;

/**
 * Who triggers the payment steps of an order: saga-orchestrator's commands, or the
 * previous participant's events.
 */
public enum SagaStyle {

	ORCHESTRATED, CHOREOGRAPHED

}
