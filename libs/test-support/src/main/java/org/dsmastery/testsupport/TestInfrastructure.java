package org.dsmastery.testsupport;

import java.util.Map;
import java.util.Set;

import org.dsmastery.devstack.Infra;

/**
 * Backing services shared by all tests of one JVM. Use {@link UsesInfrastructure} in
 * Spring tests; plain tests call {@link #springProperties} directly.
 */
public interface TestInfrastructure {

	/**
	 * Starts (once) the given services and returns how to connect to them.
	 * @param infra the services needed
	 * @param database the PostgreSQL database, created if missing, or {@code null}
	 * @return Spring Boot connection properties
	 */
	Map<String, String> springProperties(Set<Infra> infra, String database);

	/**
	 * Returns the infrastructure of this JVM: Testcontainers when a Docker engine
	 * answers, otherwise servers from Maven artifacts.
	 * @return the shared infrastructure
	 */
	static TestInfrastructure shared() {
		return SharedInfrastructure.INSTANCE;
	}

}
