package org.dsmastery.order.domain;

import java.time.Instant;
import java.util.List;

import org.dsmastery.order.domain.OrderEvent.OrderApproved;
import org.dsmastery.order.domain.OrderEvent.OrderPlaced;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final List<OrderLine> LINES = List.of(
			new OrderLine(new Sku("SKU-KEYBOARD"), 2, new Money(4999, "EUR")),
			new OrderLine(new Sku("SKU-MOUSE"), 1, new Money(2500, "EUR")));

	private Order placed() {
		return Order.place(new OrderId(7), new CustomerId(42), LINES, SagaStyle.ORCHESTRATED, NOW);
	}

	@Test
	void placingRecordsOrderPlacedAndTotalsTheLines() {
		Order order = placed();

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isEqualTo(new Money(12498, "EUR"));
		assertThat(order.pendingEvents()).singleElement().isInstanceOf(OrderPlaced.class);
		assertThat(order.persistedVersion()).isZero();
		assertThat(order.version()).isOne();
	}

	@Test
	void replayRestoresStateAndVersionWithNothingPending() {
		Order order = placed();
		order.approve(NOW.plusSeconds(1));

		Order replayed = Order.replay(order.pendingEvents());

		assertThat(replayed.status()).isEqualTo(OrderStatus.APPROVED);
		assertThat(replayed.version()).isEqualTo(2);
		assertThat(replayed.pendingEvents()).isEmpty();
		assertThat(replayed.persistedVersion()).isEqualTo(2);
	}

	@Test
	void storesAReasonFromAnotherServiceShortenedToItsBound() {
		Order rejected = placed();
		Order cancelled = placed();

		rejected.reject("x".repeat(10_000), NOW);
		cancelled.cancel("y".repeat(Order.MAX_REASON_LENGTH), NOW);

		assertThat(rejected.reason()).hasSize(Order.MAX_REASON_LENGTH).endsWith("...");
		assertThat(cancelled.reason()).isEqualTo("y".repeat(Order.MAX_REASON_LENGTH));
	}

	@Test
	void aRepeatedDecisionChangesNothing() {
		Order order = Order
			.replay(List.of(new OrderPlaced(new OrderId(7), new CustomerId(42), LINES, SagaStyle.ORCHESTRATED, NOW),
					new OrderApproved(new OrderId(7), NOW)));

		order.approve(NOW.plusSeconds(5));

		assertThat(order.pendingEvents()).isEmpty();
	}

	@Test
	void aDecidedOrderCannotTakeAnotherDecision() {
		Order order = placed();
		order.cancel("changed my mind", NOW);

		assertThatExceptionOfType(OrderStateException.class).isThrownBy(() -> order.approve(NOW))
			.withMessageContaining("CANCELLED");
		assertThatExceptionOfType(OrderStateException.class).isThrownBy(() -> order.reject("late", NOW));
	}

	@Test
	void refusesOrdersWithoutLinesOrWithARepeatedSku() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Order.place(new OrderId(1), new CustomerId(1), List.of(), SagaStyle.ORCHESTRATED, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> Order.place(new OrderId(1), new CustomerId(1),
				List.of(LINES.getFirst(), LINES.getFirst()), SagaStyle.ORCHESTRATED, NOW));
	}

}
