package org.dsmastery.testsupport;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dsmastery.devstack.Infra;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Wires {@link UsesInfrastructure} into the Spring TestContext framework: the shared
 * services' connection properties go first in the test's environment.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		UsesInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				UsesInfrastructure.class);
		if (annotation == null) {
			return null;
		}
		Set<Infra> infra = EnumSet.noneOf(Infra.class);
		infra.addAll(Arrays.asList(annotation.value()));
		return new InfrastructureContextCustomizer(infra,
				annotation.database().isEmpty() ? null : annotation.database());
	}

	/**
	 * Equal for equal needs, so test contexts with the same needs are cached and shared.
	 */
	record InfrastructureContextCustomizer(Set<Infra> infra, String database) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, String> properties = TestInfrastructure.shared().springProperties(this.infra, this.database);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("dsmasteryTestInfrastructure", new LinkedHashMap<>(properties)));
		}

	}

}
