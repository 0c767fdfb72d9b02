package org.dsmastery.inventory.adapter.out.messaging;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.StockCommitted;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.inventory.contracts.v1.StockReleased;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.inventory.domain.OrderId;
import org.dsmastery.inventory.domain.Reservation;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer side of the inventory contracts: what inventory-service writes for each
 * event is the golden example, field for field.
 */
class StockEventContractsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final OrderId ORDER = new OrderId(251385792545427456L);

	static Stream<Arguments> events() {
		Reservation rejected = Reservation.rejected(ORDER, null, List.of(new Sku("SKU-MOUSE")),
				Instant.parse("2026-11-25T16:37:23.601Z"));
		return Stream.of(
				Arguments.of(StockReserved.class,
						new StockEvent.StockReserved(ORDER,
								List.of(new ReservationLine(new Sku("SKU-KEYBOARD"), 2),
										new ReservationLine(new Sku("SKU-MOUSE"), 1)),
								Instant.parse("2026-11-25T16:37:23.601Z"))),
				Arguments.of(StockRejected.class,
						new StockEvent.StockRejected(ORDER, rejected.reason(), rejected.unavailableSkus(),
								rejected.createdAt())),
				Arguments.of(StockReleased.class,
						new StockEvent.StockReleased(ORDER, 3, "payment declined: insufficient-credit",
								Instant.parse("2026-11-25T16:37:24.118Z"))),
				Arguments.of(StockCommitted.class,
						new StockEvent.StockCommitted(ORDER, 3, Instant.parse("2026-11-25T16:37:24.230Z"))));
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesEveryGoldenExample(Class<? extends Record> contract, StockEvent event) throws Exception {
		Record written = StockEventContracts.toContract(event);

		assertThat(written).isInstanceOf(contract);
		JSONAssert.assertEquals(InventoryContracts.goldenExample(contract), JSON.writeValueAsString(written),
				JSONCompareMode.STRICT);
	}

	@org.junit.jupiter.api.Test
	void coversEveryEventType() {
		assertThat(events().map((arguments) -> arguments.get()[0]).toList())
			.containsExactlyInAnyOrderElementsOf(InventoryContracts.EVENTS);
	}

}
