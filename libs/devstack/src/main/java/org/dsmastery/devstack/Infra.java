package org.dsmastery.devstack;

/**
 * The backing services the dev stack can start.
 */
public enum Infra {

	/** PostgreSQL 18, one server with a database per service. */
	POSTGRES,

	/**
	 * Redis 7 from the system's {@code redis-server} if present, else an embedded 6.2.
	 */
	REDIS,

	/** A single-node Kafka 4 broker in KRaft combined mode, as its own JVM. */
	KAFKA

}
