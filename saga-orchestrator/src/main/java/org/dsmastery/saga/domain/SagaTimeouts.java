package org.dsmastery.saga.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a saga waits on its participants.
 *
 * @param step how long a step's command may go unanswered before the saga sends it again
 * (the participants apply each command once, by order id)
 * @param giveUp how long a forward step (reserving stock, authorizing payment) may go
 * unanswered, re-sends included, before the saga gives up and compensates: how long the
 * business lets a customer wait for a decision on an order (docs/patterns/saga.md)
 */
public record SagaTimeouts(Duration step, Duration giveUp) {

	public SagaTimeouts {
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(giveUp, "giveUp");
		if (step.isNegative() || step.isZero() || giveUp.compareTo(step) < 0) {
			throw new IllegalArgumentException(
					"a step timeout must be positive and the give-up deadline at least as long: " + step + ", "
							+ giveUp);
		}
	}

}
