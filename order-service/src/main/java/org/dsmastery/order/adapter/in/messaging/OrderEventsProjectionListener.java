package org.dsmastery.order.adapter.in.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.order.application.OrderProjection;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.domain.OrderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds the read side from {@value OrderTopics#EVENTS}. The offset to resume from is
 * stored in PostgreSQL with the projection, in the same transaction, so the tables and
 * the position never disagree: on every partition assignment the consumer seeks to the
 * stored offset. Kafka's committed offsets are only a hint.
 */
@Component
class OrderEventsProjectionListener implements ConsumerSeekAware {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventsProjectionListener.class);

	private final OrderProjection projection;

	OrderEventsProjectionListener(OrderProjection projection) {
		this.projection = projection;
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		Map<Integer, Long> stored = this.projection.offsets(OrderTopics.EVENTS);
		assignments.keySet().forEach((partition) -> {
			Long next = stored.get(partition.partition());
			if (next != null) {
				callback.seek(partition.topic(), partition.partition(), next);
			}
			else {
				callback.seekToBeginning(partition.topic(), partition.partition());
			}
		});
	}

	@KafkaListener(id = "order-projection", topics = OrderTopics.EVENTS, groupId = "order-service.projection")
	void on(ConsumerRecord<String, String> record) {
		OrderEvent event = OrderMessages.toDomain(record);
		int version = Integer.parseInt(IncomingMessages.header(record, "stream-version"));
		boolean changed = this.projection.project(event, version, record.topic(), record.partition(), record.offset());
		if (!changed) {
			logger.debug("Event {} v{} of order {} was already projected", event.getClass().getSimpleName(), version,
					event.orderId());
		}
	}

}
