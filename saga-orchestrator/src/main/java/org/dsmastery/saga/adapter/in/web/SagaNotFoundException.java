package org.dsmastery.saga.adapter.in.web;

/**
 * No saga has the id: the order is unknown, choreographed, or its OrderPlaced has not
 * arrived yet.
 */
class SagaNotFoundException extends RuntimeException {

	SagaNotFoundException(long sagaId) {
		super("no saga " + sagaId + " (choreographed orders have none; a new order's saga starts within a second)");
	}

}
