package org.dsmastery.saga.domain;

import java.util.List;

/**
 * What one input did to a saga: the transition and the commands to send because of it.
 *
 * @param input what happened
 * @param from the state before
 * @param to the state after
 * @param commands the commands to send, in order
 * @param accepted {@code false} if the input did not fit the state and changed nothing (a
 * late or duplicate reply)
 */
public record SagaStep(SagaInput input, SagaState from, SagaState to, List<SagaCommand> commands, boolean accepted) {

	static SagaStep ignored(SagaInput input, SagaState state) {
		return new SagaStep(input, state, state, List.of(), false);
	}

}
