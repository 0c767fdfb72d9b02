package org.dsmastery.testsupport;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context's resource server at the test JVM's
 * {@link TestIdentity}, so that tests run with the service's real security and sign their
 * own tokens.
 */
class IdentityContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new IdentityContextCustomizer();
	}

	/** All equal, so the customizer never splits the context cache. */
	record IdentityContextCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("dsmasteryTestIdentity",
						new LinkedHashMap<>(TestIdentity.shared().springProperties())));
		}

	}

}
