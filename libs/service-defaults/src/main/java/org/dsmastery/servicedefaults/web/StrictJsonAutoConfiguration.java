package org.dsmastery.servicedefaults.web;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.type.MapType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Strict JSON for every service's API (docs/adr/0017): a value must have the JSON type
 * the contract gives it. Jackson's defaults coerce {@code 42} into {@code "42"} for a
 * string, {@code "42"} into a number, {@code 1} into {@code true}, {@code 1.9} into
 * {@code 1} and {@code 0} into an enum's first constant; here each is refused, as are an
 * unknown field, a key given twice and content after the JSON value. A refused body is
 * answered with 400 and the field's JSON pointer ({@link ProblemAdvice}).
 * <p>
 * Ordered before Boot's own customizer, so a service's {@code spring.jackson.*}
 * properties still override any of these features.
 */
@AutoConfiguration
@ConditionalOnClass({ JsonMapper.class, JsonMapperBuilderCustomizer.class })
public class StrictJsonAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonCustomizer() {
		return new StrictJson();
	}

	/**
	 * Reads a {@code Map<String, String>} with any JSON scalar as a value's text. That is
	 * the body of every actuator write operation ({@code {"enabled": false}} for a
	 * {@code boolean} parameter, converted by the actuator itself), which the strict
	 * coercion above would refuse; no API of the platform takes such a map.
	 */
	static class TextMaps extends SimpleDeserializers {

		@Override
		public ValueDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
				BeanDescription.Supplier description, KeyDeserializer keys, TypeDeserializer types,
				ValueDeserializer<?> values) {
			boolean textMap = type.getKeyType().hasRawClass(String.class)
					&& type.getContentType().hasRawClass(String.class)
					&& type.getRawClass().isAssignableFrom(LinkedHashMap.class);
			return textMap ? new TextMapDeserializer() : null;
		}

	}

	static class TextMapDeserializer extends ValueDeserializer<Map<String, String>> {

		@Override
		public Map<String, String> deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode tree = context.readTree(parser);
			if (!tree.isObject()) {
				return context.reportInputMismatch(Map.class, "must be an object");
			}
			Map<String, String> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> property : tree.properties()) {
				JsonNode value = property.getValue();
				if (!value.isValueNode()) {
					return context.reportInputMismatch(String.class, "'%s' must be a string, number or boolean",
							property.getKey());
				}
				map.put(property.getKey(), value.isNull() ? null : value.asString());
			}
			return map;
		}

	}

	static class StrictJson implements JsonMapperBuilderCustomizer, Ordered {

		@Override
		public void customize(JsonMapper.Builder builder) {
			builder
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
						DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
						DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
				.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
				// a string is a JSON string: no number or boolean turned into one
				.withCoercionConfig(LogicalType.Textual,
						(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				// a number is a JSON number, a whole one where the contract says so
				.withCoercionConfig(LogicalType.Integer,
						(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Float,
						(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				// a boolean is true or false, never 0, 1 or "true"
				.withCoercionConfig(LogicalType.Boolean,
						(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Enum,
						(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
				.addModule(new SimpleModule("dsmastery-text-maps").setDeserializers(new TextMaps()));
		}

		@Override
		public int getOrder() {
			// Boot's StandardJsonMapperBuilderCustomizer (order 0) applies
			// spring.jackson.*
			return -1;
		}

	}

}
