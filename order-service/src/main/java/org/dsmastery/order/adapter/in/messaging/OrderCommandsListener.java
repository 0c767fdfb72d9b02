package org.dsmastery.order.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.messaging.IdempotentConsumer;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.application.OrderService;
import org.dsmastery.order.contracts.v1.ApproveOrder;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.contracts.v1.RejectOrder;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderNotFoundException;
import org.dsmastery.order.domain.OrderStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Handles {@link ApproveOrder} and {@link RejectOrder} from
 * {@value OrderTopics#COMMANDS}, each message exactly once in effect. Transient failures
 * go through the retry topics; a command the order's state can never accept is logged and
 * dropped.
 */
@Component
class OrderCommandsListener {

	static final String CONSUMER = "order-commands";

	private static final Logger logger = LoggerFactory.getLogger(OrderCommandsListener.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IdempotentConsumer idempotent;

	private final OrderService orders;

	OrderCommandsListener(IdempotentConsumer idempotent, OrderService orders) {
		this.idempotent = idempotent;
		this.orders = orders;
	}

	@KafkaListener(id = "order-commands", topics = OrderTopics.COMMANDS, groupId = "order-service.commands")
	void on(ConsumerRecord<String, String> record) {
		String messageId = IncomingMessages.messageId(record);
		String type = String.valueOf(IncomingMessages.type(record));
		try {
			this.idempotent.handleOnce(IncomingMessages.consumed(CONSUMER, record), () -> {
				switch (type) {
					case ApproveOrder.TYPE -> this.orders
						.approve(new OrderId(JSON.readValue(record.value(), ApproveOrder.class).orderId()), messageId);
					case RejectOrder.TYPE -> {
						RejectOrder reject = JSON.readValue(record.value(), RejectOrder.class);
						this.orders.reject(new OrderId(reject.orderId()), reject.reason(), messageId);
					}
					default -> throw new IllegalArgumentException("not an order command: " + type);
				}
			});
		}
		catch (OrderStateException | OrderNotFoundException ex) {
			logger.warn("Dropping {} {}: {}", type, messageId, ex.getMessage());
		}
	}

}
