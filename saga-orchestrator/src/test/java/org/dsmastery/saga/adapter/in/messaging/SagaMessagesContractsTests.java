package org.dsmastery.saga.adapter.in.messaging;

import java.util.function.Function;
import java.util.stream.Stream;

import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.inventory.contracts.v1.StockReleased;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentVoided;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer side: every event the saga reads, as its owner's golden example, reads
 * into the contract without loss.
 */
class SagaMessagesContractsTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static Stream<Arguments> consumed() {
		Function<Class<? extends Record>, String> order = OrderContracts::goldenExample;
		Function<Class<? extends Record>, String> inventory = InventoryContracts::goldenExample;
		Function<Class<? extends Record>, String> payment = PaymentContracts::goldenExample;
		return Stream.of(Arguments.of(OrderPlaced.class, order), Arguments.of(OrderApproved.class, order),
				Arguments.of(OrderRejected.class, order), Arguments.of(OrderCancelled.class, order),
				Arguments.of(StockReserved.class, inventory), Arguments.of(StockRejected.class, inventory),
				Arguments.of(StockReleased.class, inventory), Arguments.of(PaymentAuthorized.class, payment),
				Arguments.of(PaymentDeclined.class, payment), Arguments.of(PaymentVoided.class, payment));
	}

	@ParameterizedTest
	@MethodSource("consumed")
	void readsTheGoldenExampleWithoutLoss(Class<? extends Record> contract,
			Function<Class<? extends Record>, String> goldenOf) throws Exception {
		String golden = goldenOf.apply(contract);

		Record read = JSON.readValue(golden, contract);

		JSONAssert.assertEquals(golden, JSON.writeValueAsString(read), JSONCompareMode.STRICT);
	}

}
