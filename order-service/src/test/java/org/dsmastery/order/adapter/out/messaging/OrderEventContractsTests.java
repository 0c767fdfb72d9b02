package org.dsmastery.order.adapter.out.messaging;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderLine;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer side of the order contracts: what order-service writes for each event is
 * the golden example, field for field.
 */
class OrderEventContractsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final OrderId ORDER = new OrderId(251385792545427456L);

	static Stream<Arguments> events() {
		return Stream.of(
				Arguments.of(org.dsmastery.order.contracts.v1.OrderPlaced.class,
						new OrderEvent.OrderPlaced(ORDER, new CustomerId(42),
								List.of(new OrderLine(new Sku("SKU-KEYBOARD"), 2, new Money(4999, "EUR")),
										new OrderLine(new Sku("SKU-MOUSE"), 1, new Money(2500, "EUR"))),
								SagaStyle.ORCHESTRATED, Instant.parse("2026-11-25T16:37:23.465Z"))),
				Arguments.of(org.dsmastery.order.contracts.v1.OrderApproved.class,
						new OrderEvent.OrderApproved(ORDER, Instant.parse("2026-11-25T16:37:24.012Z"))),
				Arguments.of(org.dsmastery.order.contracts.v1.OrderRejected.class,
						new OrderEvent.OrderRejected(ORDER, "out of stock: SKU-MOUSE",
								Instant.parse("2026-11-25T16:37:24.012Z"))),
				Arguments.of(org.dsmastery.order.contracts.v1.OrderCancelled.class, new OrderEvent.OrderCancelled(ORDER,
						"ordered by mistake", Instant.parse("2026-11-25T16:37:25.100Z"))));
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesEveryGoldenExample(Class<? extends Record> contract, OrderEvent event) throws Exception {
		String written = JSON.writeValueAsString(OrderEventContracts.toContract(event));

		JSONAssert.assertEquals(OrderContracts.goldenExample(contract), written, JSONCompareMode.STRICT);
	}

}
