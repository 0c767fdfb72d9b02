package org.dsmastery.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IncomingMessagesTests {

	@Test
	void aConsumedMessageCarriesItsConsumerIdAndSagaId() {
		ConsumerRecord<String, String> record = record("m-1");
		record.headers().add(MessageHeaders.SAGA_ID, "251385792545427456".getBytes(StandardCharsets.UTF_8));

		assertThat(IncomingMessages.consumed("payment-commands", record))
			.isEqualTo(new ConsumedMessage("payment-commands", "m-1", "251385792545427456"));
	}

	@Test
	void aMessageOutsideASagaHasNoSagaId() {
		assertThat(IncomingMessages.consumed("payment-order-events", record("m-2")).sagaId()).isNull();
	}

	@Test
	void aRecordWithoutMessageIdCannotBeConsumedOnce() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 7, "k", "{}");

		assertThatIllegalArgumentException().isThrownBy(() -> IncomingMessages.consumed("tests", record))
			.withMessage("record t-0@7 has no message-id header");
	}

	private static ConsumerRecord<String, String> record(String messageId) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "{}");
		record.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
