package org.dsmastery.inventory.contracts.v1;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryContractsTests {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static Stream<Class<? extends Record>> contracts() {
		return Stream.concat(InventoryContracts.EVENTS.stream(), InventoryContracts.COMMANDS.stream());
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void goldenExampleRoundTripsWithoutLoss(Class<? extends Record> contract) throws Exception {
		String golden = InventoryContracts.goldenExample(contract);

		Record message = this.mapper.readValue(golden, contract);
		String written = this.mapper.writeValueAsString(message);

		JSONAssert.assertEquals(golden, written, JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void idsTravelAsStrings(Class<? extends Record> contract) {
		JsonNode golden = this.mapper.readTree(InventoryContracts.goldenExample(contract));

		assertThat(golden.get("orderId").isString()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void typeHeaderIsTheSimpleName(Class<? extends Record> contract) {
		assertThat(InventoryContracts.typeOf(contract)).isEqualTo(contract.getSimpleName());
	}

}
