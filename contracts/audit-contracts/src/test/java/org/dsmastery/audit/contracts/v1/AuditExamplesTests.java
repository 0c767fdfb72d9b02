package org.dsmastery.audit.contracts.v1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AuditExamplesTests {

	static final Iterable<String> NAMES = AuditExamples.NAMES;

	@ParameterizedTest
	@FieldSource("NAMES")
	void everyGoldenHasItsOwnShape(String name) {
		String golden = AuditExamples.golden(name);

		assertThatNoException().isThrownBy(() -> AuditExamples.assertSameShape(golden, golden));
	}

	@Test
	void valuesMayDiffer() {
		assertThatNoException().isThrownBy(() -> AuditExamples.assertSameShape(
				"{\"orders\":[{\"orderId\":\"1\",\"status\":\"APPROVED\"}],\"outboxBacklog\":0}",
				"{\"orders\":[{\"orderId\":\"7\",\"status\":\"PENDING\"},{}],\"outboxBacklog\":12}"));
	}

	@Test
	void aMissingFieldIsNamedByItsPointer() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				() -> AuditExamples.assertSameShape("{\"orders\":[{\"orderId\":\"1\",\"status\":\"APPROVED\"}]}",
						"{\"orders\":[{\"orderId\":\"1\"}]}"))
			.withMessageContaining("/orders/0/status is missing");
	}

	@Test
	void anExtraFieldIsNamedByItsPointer() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> AuditExamples.assertSameShape("{\"outboxBacklog\":0}", "{\"outboxBacklog\":0,\"backlog\":0}"))
			.withMessageContaining("/backlog is not in the golden example");
	}

	@Test
	void aChangedTypeIsNamedByItsPointer() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AuditExamples.assertSameShape("{\"stock\":[{\"sku\":\"A\",\"initial\":10}]}",
					"{\"stock\":[{\"sku\":\"A\",\"initial\":\"10\"}]}"))
			.withMessageContaining("/stock/0/initial is string, the golden example has number");
	}

	@Test
	void aNullMatchesAnyTypeButIsNotMissing() {
		assertThatNoException()
			.isThrownBy(() -> AuditExamples.assertSameShape("{\"reservations\":[{\"sagaStyle\":\"orchestrated\"}]}",
					"{\"reservations\":[{\"sagaStyle\":null}]}"));
	}

	@Test
	void anObjectKeyedByEnumNamesIsAMapWhoseKeysMayDiffer() {
		String golden = AuditExamples.golden("sagas");

		assertThatNoException().isThrownBy(() -> AuditExamples.assertSameShape(golden,
				"{\"byState\":{\"RESERVING_STOCK\":2},\"stuck\":[\"5\"],\"outboxBacklog\":0}"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> AuditExamples.assertSameShape(golden,
					"{\"byState\":{\"APPROVED\":\"1\"},\"stuck\":[],\"outboxBacklog\":0}"))
			.withMessageContaining("/byState/APPROVED is string, the golden example has number");
	}

	@Test
	void anUnknownExampleIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditExamples.golden("nothing"));
	}

}
