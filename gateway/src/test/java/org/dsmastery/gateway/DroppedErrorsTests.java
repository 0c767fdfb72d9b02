package org.dsmastery.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DroppedErrorsTests {

	@Test
	void recognisesTheBodyReleasedAfterACancelledCallAlsoWhenWrapped() {
		IllegalStateException released = new IllegalStateException(
				"The client response body has been released already due to cancellation.");

		assertThat(DroppedErrors.isReleasedAfterCancellation(released)).isTrue();
		assertThat(DroppedErrors.isReleasedAfterCancellation(new RuntimeException("wrapped", released))).isTrue();
	}

	@Test
	void everyOtherDroppedErrorStaysAnError() {
		assertThat(DroppedErrors.isReleasedAfterCancellation(new IllegalStateException("connection reset"))).isFalse();
		assertThat(DroppedErrors.isReleasedAfterCancellation(new IllegalStateException())).isFalse();
	}

}
