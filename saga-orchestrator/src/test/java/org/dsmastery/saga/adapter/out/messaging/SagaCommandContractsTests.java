package org.dsmastery.saga.adapter.out.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.ReleaseStock;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.order.contracts.v1.ApproveOrder;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.contracts.v1.RejectOrder;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.contracts.v1.VoidPayment;
import org.dsmastery.saga.domain.PlaceOrderSaga;
import org.dsmastery.saga.domain.SagaCommand;
import org.dsmastery.saga.domain.SagaLine;
import org.dsmastery.saga.domain.SagaTimeouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer side of every command the saga sends: the JSON it writes is the owner's
 * golden example, on the owner's topic, keyed and correlated by the order id, with the
 * saga id header.
 */
class SagaCommandContractsTests {

	private static final long ORDER = 251385792545427456L;

	private static final PlaceOrderSaga SAGA = PlaceOrderSaga
		.start(ORDER, 42, 12498, "EUR", List.of(new SagaLine("SKU-KEYBOARD", 2), new SagaLine("SKU-MOUSE", 1)),
				Instant.parse("2026-11-25T16:37:23.465Z"),
				new SagaTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(2)))
		.saga();

	static Stream<Arguments> commands() {
		return Stream.of(
				Arguments.of(
						new SagaCommand.ReserveStock(
								List.of(new SagaLine("SKU-KEYBOARD", 2), new SagaLine("SKU-MOUSE", 1))),
						InventoryTopics.COMMANDS, InventoryContracts.goldenExample(ReserveStock.class)),
				Arguments.of(new SagaCommand.ReleaseStock("payment declined: insufficient-credit"),
						InventoryTopics.COMMANDS, InventoryContracts.goldenExample(ReleaseStock.class)),
				Arguments.of(new SagaCommand.AuthorizePayment(42, 12498, "EUR"), PaymentTopics.COMMANDS,
						PaymentContracts.goldenExample(AuthorizePayment.class)),
				Arguments.of(new SagaCommand.VoidPayment("step timed out: AUTHORIZING_PAYMENT"), PaymentTopics.COMMANDS,
						PaymentContracts.goldenExample(VoidPayment.class)),
				Arguments.of(new SagaCommand.ApproveOrder(), OrderTopics.COMMANDS,
						OrderContracts.goldenExample(ApproveOrder.class)),
				Arguments.of(new SagaCommand.RejectOrder("payment declined"), OrderTopics.COMMANDS,
						OrderContracts.goldenExample(RejectOrder.class)));
	}

	@ParameterizedTest
	@MethodSource("commands")
	void writesTheOwnersGoldenExample(SagaCommand command, String topic, String golden) throws Exception {
		List<OutgoingMessage> sent = new ArrayList<>();
		OutboxSagaCommandSender sender = new OutboxSagaCommandSender(sent::add);

		String messageId = sender.send(SAGA, command, "cause-1");

		OutgoingMessage message = sent.get(0);
		assertThat(message.messageId()).hasToString(messageId);
		assertThat(message.topic()).isEqualTo(topic);
		assertThat(message.key()).isEqualTo(Long.toString(ORDER));
		assertThat(message.headers()).containsEntry("saga-id", Long.toString(ORDER))
			.containsEntry("correlation-id", Long.toString(ORDER))
			.containsEntry("causation-id", "cause-1");
		JSONAssert.assertEquals(golden, message.payload(), JSONCompareMode.STRICT);
	}

}
