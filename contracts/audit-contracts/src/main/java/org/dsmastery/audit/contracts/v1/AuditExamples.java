package org.dsmastery.audit.contracts.v1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden examples of the four {@code /api/audit/*} responses the invariant audit
 * reads, and the check that a service's real response has a golden's shape.
 * <p>
 * Each service's web test produces a real, non-empty response and asserts
 * {@link #assertSameShape}; the audit's own tests read the same goldens. So a field a
 * service renames, drops or retypes fails the service's build instead of the audit at run
 * time. The goldens describe one consistent platform (order 1 approved, its stock
 * committed, its payment captured; order 2 rejected, released, voided).
 */
public final class AuditExamples {

	/** The examples, by name: {@code GET /api/audit/<name>}. */
	public static final List<String> NAMES = List.of("orders", "stock", "payments", "sagas");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

	private AuditExamples() {
	}

	/**
	 * Returns a golden example.
	 * @param name one of {@link #NAMES}, such as {@code orders}
	 * @return the JSON text
	 * @throws IllegalArgumentException if there is no such example
	 */
	public static String golden(String name) {
		String resource = "/contracts/audit/v1/" + name + ".json";
		try (InputStream in = AuditExamples.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no golden audit example " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that a response has the shape of a golden example; values may differ. Shape
	 * means: the same field names in every object, and the same JSON type (string,
	 * number, boolean, object, array) for each, recursively, comparing the first element
	 * of arrays where both have one. A {@code null} matches any type: a field may be
	 * empty, never missing. An object whose keys are all enum constant names (such as
	 * {@code byState}) is a map: its keys may differ, its values must have the shape of
	 * the golden's first value.
	 * @param golden the golden JSON
	 * @param actual the response's JSON
	 * @throws AssertionError listing every difference by its JSON pointer
	 */
	public static void assertSameShape(String golden, String actual) {
		List<String> differences = new ArrayList<>();
		compare("", JSON.readTree(golden), JSON.readTree(actual), differences);
		if (!differences.isEmpty()) {
			throw new AssertionError("The response does not have the golden example's shape:\n  "
					+ String.join("\n  ", differences) + "\nresponse: " + actual);
		}
	}

	private static void compare(String pointer, JsonNode golden, JsonNode actual, List<String> differences) {
		if (actual.isNull() || golden.isNull()) {
			return;
		}
		if (golden.getNodeType() != actual.getNodeType()) {
			differences.add(at(pointer) + " is " + typeOf(actual) + ", the golden example has " + typeOf(golden));
			return;
		}
		if (golden.isArray()) {
			if (!golden.isEmpty() && !actual.isEmpty()) {
				compare(pointer + "/0", golden.get(0), actual.get(0), differences);
			}
		}
		else if (golden.isObject() && isMap(golden)) {
			JsonNode value = golden.properties().iterator().next().getValue();
			actual.properties()
				.forEach((field) -> compare(pointer + "/" + escape(field.getKey()), value, field.getValue(),
						differences));
		}
		else if (golden.isObject()) {
			for (Map.Entry<String, JsonNode> field : golden.properties()) {
				String path = pointer + "/" + escape(field.getKey());
				if (!actual.has(field.getKey())) {
					differences.add(path + " is missing");
				}
				else {
					compare(path, field.getValue(), actual.get(field.getKey()), differences);
				}
			}
			for (Map.Entry<String, JsonNode> field : actual.properties()) {
				if (!golden.has(field.getKey())) {
					differences.add(pointer + "/" + escape(field.getKey()) + " is not in the golden example");
				}
			}
		}
	}

	private static boolean isMap(JsonNode object) {
		return !object.isEmpty()
				&& object.properties().stream().allMatch((field) -> ENUM_NAME.matcher(field.getKey()).matches());
	}

	private static String typeOf(JsonNode node) {
		return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String at(String pointer) {
		return pointer.isEmpty() ? "the document" : pointer;
	}

	private static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

}
