package org.dsmastery.contracts.testing;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every contract module proves about its contracts, in one place. A module's test
 * extends it with its contract lists, its two lookups and the golden list of its wire
 * type names, written out:
 * <ul>
 * <li>every golden example round-trips through its record without loss;</li>
 * <li>ids travel as JSON strings;</li>
 * <li>the {@code type} names are exactly the golden list, and each is the record's
 * {@code TYPE} constant: renaming a record, or its constant, fails here instead of
 * silently sending consumers a type they skip.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WireContractsTests {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final List<Class<? extends Record>> events;

	private final List<Class<? extends Record>> commands;

	private final Function<Class<? extends Record>, String> typeOf;

	private final Function<Class<? extends Record>, String> goldenExample;

	private final List<String> goldenEventTypes;

	private final List<String> goldenCommandTypes;

	/**
	 * Describes a contract module.
	 * @param events the module's event types, in their declared order
	 * @param commands the module's command types, in their declared order
	 * @param typeOf the module's {@code typeOf}
	 * @param goldenExample the module's {@code goldenExample}
	 * @param goldenEventTypes the expected wire names of the events, written out
	 * @param goldenCommandTypes the expected wire names of the commands, written out
	 */
	protected WireContractsTests(List<Class<? extends Record>> events, List<Class<? extends Record>> commands,
			Function<Class<? extends Record>, String> typeOf, Function<Class<? extends Record>, String> goldenExample,
			List<String> goldenEventTypes, List<String> goldenCommandTypes) {
		this.events = events;
		this.commands = commands;
		this.typeOf = typeOf;
		this.goldenExample = goldenExample;
		this.goldenEventTypes = goldenEventTypes;
		this.goldenCommandTypes = goldenCommandTypes;
	}

	Stream<Class<? extends Record>> contracts() {
		return Stream.concat(this.events.stream(), this.commands.stream());
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void goldenExampleRoundTripsWithoutLoss(Class<? extends Record> contract) throws Exception {
		String golden = this.goldenExample.apply(contract);

		Record message = this.mapper.readValue(golden, contract);
		String written = this.mapper.writeValueAsString(message);

		JSONAssert.assertEquals(golden, written, JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void idsTravelAsStrings(Class<? extends Record> contract) {
		JsonNode golden = this.mapper.readTree(this.goldenExample.apply(contract));

		assertThat(golden.get("orderId").isString()).isTrue();
	}

	@Test
	void wireTypeNamesAreTheGoldenList() {
		assertThat(this.events.stream().map(this.typeOf)).containsExactlyElementsOf(this.goldenEventTypes);
		assertThat(this.commands.stream().map(this.typeOf)).containsExactlyElementsOf(this.goldenCommandTypes);
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void wireTypeNameIsTheRecordsTypeConstant(Class<? extends Record> contract) throws ReflectiveOperationException {
		assertThat(contract.getField("TYPE").get(null)).isEqualTo(this.typeOf.apply(contract));
	}

}
