package org.dsmastery.inventory.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.inventory.application.ReservationRequest;
import org.dsmastery.inventory.application.ReservationService;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.messaging.IncomingMessages;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Handles {@code ReserveStock} and {@code ReleaseStock} from
 * {@value InventoryTopics#COMMANDS}, sent by saga-orchestrator: the orchestrated
 * triggers. Every reply copies the command's {@code saga-id}. Each message takes effect
 * once (its id is recorded with the effect); transient failures go through the retry
 * topics, an unknown command goes to the DLT at once.
 */
@Component
class InventoryCommandsListener {

	static final String CONSUMER = "inventory-commands";

	private final ReservationService reservations;

	InventoryCommandsListener(ReservationService reservations) {
		this.reservations = reservations;
	}

	@KafkaListener(id = CONSUMER, topics = InventoryTopics.COMMANDS, groupId = "inventory-service.commands")
	void on(ConsumerRecord<String, String> record) {
		String type = IncomingMessages.type(record);
		if (InventoryContracts.COMMANDS.stream()
			.map(InventoryContracts::typeOf)
			.noneMatch((name) -> name.equals(type))) {
			throw new IllegalArgumentException("not an inventory command: " + type);
		}
		ReservationRequest request = InventoryMessages.toRequest(record).orElseThrow();
		this.reservations.handle(request, IncomingMessages.consumed(CONSUMER, record));
	}

}
