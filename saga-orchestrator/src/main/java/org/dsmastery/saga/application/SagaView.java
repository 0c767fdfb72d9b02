package org.dsmastery.saga.application;

import java.time.Instant;
import java.util.List;

import org.dsmastery.saga.domain.SagaLine;
import org.dsmastery.saga.domain.SagaState;

/**
 * A saga as the API shows it.
 *
 * @param orderId the order, which is also the saga id
 * @param customerId the customer
 * @param amountCents the order total
 * @param currency its currency
 * @param lines what the saga reserves
 * @param state the current state
 * @param reason why it compensated, if it did
 * @param attempt how often the current step's command was re-sent
 * @param deadline when the current step's command is sent again, or the step given up;
 * {@code null} once finished
 * @param startedAt when it started
 * @param updatedAt when it last changed
 */
public record SagaView(long orderId, long customerId, long amountCents, String currency, List<SagaLine> lines,
		SagaState state, String reason, int attempt, Instant deadline, Instant startedAt, Instant updatedAt) {
}
