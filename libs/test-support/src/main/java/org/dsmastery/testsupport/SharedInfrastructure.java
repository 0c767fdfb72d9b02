package org.dsmastery.testsupport;

import java.util.Map;
import java.util.Set;

import org.dsmastery.devstack.Infra;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses, once per JVM, where the test infrastructure comes from, and stops it when the
 * JVM exits.
 */
final class SharedInfrastructure implements TestInfrastructure {

	private static final Logger logger = LoggerFactory.getLogger(SharedInfrastructure.class);

	static final SharedInfrastructure INSTANCE = new SharedInfrastructure();

	private Provider provider;

	private SharedInfrastructure() {
	}

	@Override
	public synchronized Map<String, String> springProperties(Set<Infra> infra, String database) {
		if (this.provider == null) {
			this.provider = createProvider();
			Runtime.getRuntime().addShutdownHook(new Thread(this.provider::close, "test-infrastructure-shutdown"));
		}
		return this.provider.springProperties(infra, database);
	}

	private static Provider createProvider() {
		if (!"embedded".equals(System.getProperty("dsmastery.test.infrastructure")) && dockerAnswers()) {
			logger.info("A Docker engine answers: test infrastructure runs in Testcontainers");
			return new ContainerInfrastructure();
		}
		logger.info("No Docker engine: test infrastructure runs from Maven artifacts (libs/devstack)");
		return new EmbeddedInfrastructure();
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * A source of backing services that starts each one when first asked for.
	 */
	interface Provider extends AutoCloseable {

		Map<String, String> springProperties(Set<Infra> infra, String database);

		@Override
		void close();

	}

}
