package org.dsmastery.servicedefaults.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

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
						(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
		}

		@Override
		public int getOrder() {
			// Boot's StandardJsonMapperBuilderCustomizer (order 0) applies
			// spring.jackson.*
			return -1;
		}

	}

}
