package org.dsmastery.saga.application;

import java.time.Instant;

import org.dsmastery.saga.domain.SagaState;

/**
 * One line of a saga's history: a message it received, a command it sent, or a deadline.
 *
 * @param at when
 * @param kind {@link Kind#RECEIVED}, {@link Kind#IGNORED}, {@link Kind#SENT} or
 * {@link Kind#TIMEOUT}
 * @param type the message or command type
 * @param from the state before
 * @param to the state after
 * @param messageId the message received or sent; {@code null} for a deadline
 * @param detail a reason, if any
 */
public record SagaHistoryEntry(Instant at, Kind kind, String type, SagaState from, SagaState to, String messageId,
		String detail) {

	/**
	 * What kind of history line it is.
	 */
	public enum Kind {

		/** A reply or fact that moved the saga. */
		RECEIVED,

		/**
		 * A reply or fact that did not fit the state (late, duplicate) and changed
		 * nothing.
		 */
		IGNORED,

		/** A command the saga sent. */
		SENT,

		/** The step's deadline passed. */
		TIMEOUT

	}

}
