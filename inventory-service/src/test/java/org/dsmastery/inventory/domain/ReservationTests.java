package org.dsmastery.inventory.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReservationTests {

	private static final Instant NOW = Instant.parse("2026-11-25T16:37:23.601Z");

	private final Reservation reserved = Reservation.reserved(new OrderId(7), SagaStyle.CHOREOGRAPHED,
			List.of(new ReservationLine(new Sku("SKU-A"), 2), new ReservationLine(new Sku("SKU-B"), 3)), NOW);

	@Test
	void aReservationEndsCommittedOrReleasedOnce() {
		assertThat(this.reserved.units()).isEqualTo(5);
		assertThat(this.reserved.commit(NOW).status()).isEqualTo(ReservationStatus.COMMITTED);
		Reservation released = this.reserved.release("payment declined", NOW);
		assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(released.holdsStock()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> released.commit(NOW));
		assertThatIllegalStateException().isThrownBy(() -> released.release("again", NOW));
	}

	@Test
	void aRejectionHoldsNothingAndNamesWhatWasMissing() {
		Reservation rejected = Reservation.rejected(new OrderId(7), SagaStyle.ORCHESTRATED,
				List.of(new Sku("SKU-A"), new Sku("SKU-B")), NOW);

		assertThat(rejected.lines()).isEmpty();
		assertThat(rejected.reason()).isEqualTo("out of stock: SKU-A, SKU-B");
		assertThatIllegalStateException().isThrownBy(() -> rejected.release("late", NOW));
	}

	@Test
	void aTombstoneHoldsNothing() {
		Reservation tombstone = Reservation.tombstone(new OrderId(7), null, "order cancelled", NOW);

		assertThat(tombstone.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(tombstone.units()).isZero();
	}

}
