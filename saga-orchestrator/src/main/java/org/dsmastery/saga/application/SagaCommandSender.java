package org.dsmastery.saga.application;

import org.dsmastery.saga.domain.PlaceOrderSaga;
import org.dsmastery.saga.domain.SagaCommand;

/**
 * Sends a saga's commands; in the caller's transaction, so a command leaves if and only
 * if the state change that asked for it commits.
 */
public interface SagaCommandSender {

	/**
	 * Sends one command.
	 * @param saga the saga sending it
	 * @param command the command
	 * @param causationId the message that caused it; {@code null} for a deadline
	 * @return the id of the sent message
	 */
	String send(PlaceOrderSaga saga, SagaCommand command, String causationId);

}
