package org.dsmastery.order.adapter.in.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.domain.OrderEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of the order contracts: every golden example maps to a domain event.
 */
class OrderMessagesTests {

	static Iterable<Class<? extends Record>> events() {
		return OrderContracts.EVENTS;
	}

	@ParameterizedTest
	@MethodSource("events")
	void readsEveryGoldenExample(Class<? extends Record> contract) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("order.events.v1", 0, 0, "251385792545427456",
				OrderContracts.goldenExample(contract));
		record.headers().add(MessageHeaders.TYPE, OrderContracts.typeOf(contract).getBytes(StandardCharsets.UTF_8));

		OrderEvent event = OrderMessages.toDomain(record);

		assertThat(event.getClass().getSimpleName()).isEqualTo(contract.getSimpleName());
		assertThat(event.orderId().value()).isEqualTo(251385792545427456L);
	}

}
