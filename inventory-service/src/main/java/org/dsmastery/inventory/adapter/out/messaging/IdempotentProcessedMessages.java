package org.dsmastery.inventory.adapter.out.messaging;

import org.dsmastery.inventory.application.Cause;
import org.dsmastery.inventory.application.ProcessedMessages;
import org.dsmastery.messaging.IdempotentConsumer;

import org.springframework.stereotype.Component;

/**
 * The processed-message marks of libs/messaging' {@link IdempotentConsumer}, written in
 * the reservation's own transaction (which starts only once the sku locks are held).
 */
@Component
class IdempotentProcessedMessages implements ProcessedMessages {

	private final IdempotentConsumer idempotent;

	IdempotentProcessedMessages(IdempotentConsumer idempotent) {
		this.idempotent = idempotent;
	}

	@Override
	public boolean markProcessed(Cause cause) {
		return this.idempotent.markProcessed(cause.consumer(), cause.messageId());
	}

}
