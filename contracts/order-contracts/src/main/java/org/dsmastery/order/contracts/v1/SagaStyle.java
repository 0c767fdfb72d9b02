package org.dsmastery.order.contracts.v1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the PlaceOrder saga of an order is run.
 */
public enum SagaStyle {

	/** saga-orchestrator sends each step's command and reacts to the replies. */
	@JsonProperty("orchestrated")
	ORCHESTRATED,

	/** No coordinator: each participant reacts to the previous participant's event. */
	@JsonProperty("choreographed")
	CHOREOGRAPHED

}
