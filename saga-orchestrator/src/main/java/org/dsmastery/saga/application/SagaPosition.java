package org.dsmastery.saga.application;

import java.time.Instant;

/**
 * Where a page of sagas ends: the list is newest first, by start and then by order id.
 *
 * @param startedAt when the last saga of the page started
 * @param orderId its order id
 */
public record SagaPosition(Instant startedAt, long orderId) {
}
