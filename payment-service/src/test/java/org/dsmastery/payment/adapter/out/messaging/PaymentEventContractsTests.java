package org.dsmastery.payment.adapter.out.messaging;

import java.time.Instant;
import java.util.stream.Stream;

import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.DeclineReason;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.PaymentEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer side of the payment contracts: what payment-service writes for each event
 * is the golden example, field for field.
 */
class PaymentEventContractsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final OrderId ORDER = new OrderId(251385792545427456L);

	static Stream<Arguments> events() {
		return Stream.of(
				Arguments.of(org.dsmastery.payment.contracts.v1.PaymentAuthorized.class,
						new PaymentEvent.PaymentAuthorized(ORDER, new CustomerId(42), new Money(12498, "EUR"),
								"auth-251385792545427456", Instant.parse("2026-11-25T16:37:23.802Z"))),
				Arguments.of(org.dsmastery.payment.contracts.v1.PaymentDeclined.class,
						new PaymentEvent.PaymentDeclined(ORDER, new CustomerId(42), DeclineReason.INSUFFICIENT_CREDIT,
								Instant.parse("2026-11-25T16:37:23.802Z"))),
				Arguments.of(org.dsmastery.payment.contracts.v1.PaymentVoided.class,
						new PaymentEvent.PaymentVoided(ORDER, 12498, "order rejected",
								Instant.parse("2026-11-25T16:37:24.118Z"))),
				Arguments.of(org.dsmastery.payment.contracts.v1.PaymentCaptured.class,
						new PaymentEvent.PaymentCaptured(ORDER, 12498, Instant.parse("2026-11-25T16:37:24.230Z"))));
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesEveryGoldenExample(Class<? extends Record> contract, PaymentEvent event) throws Exception {
		Record written = PaymentEventContracts.toContract(event);

		assertThat(written).isInstanceOf(contract);
		JSONAssert.assertEquals(PaymentContracts.goldenExample(contract), JSON.writeValueAsString(written),
				JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@MethodSource("events")
	void coversEveryEventOfTheContract(Class<? extends Record> contract, PaymentEvent event) {
		assertThat(PaymentContracts.EVENTS).contains(contract);
	}

}
