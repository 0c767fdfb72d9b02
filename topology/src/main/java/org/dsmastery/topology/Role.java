package org.dsmastery.topology;

/**
 * What a process is to the platform, which decides when {@code ./platform} starts it.
 */
public enum Role {

	/**
	 * PostgreSQL, Redis or Kafka, all started by one launcher ({@code libs/devstack}).
	 */
	INFRA,

	/** Eureka: starts with the infrastructure; every service registers with it. */
	DISCOVERY,

	/**
	 * The local trace UI (Zipkin) and Prometheus: started right after the infrastructure,
	 * before the services, which export their spans to the one and are scraped by the
	 * other.
	 */
	OBSERVABILITY,

	/** A Spring Boot service; a name on two lines runs as two instances. */
	SERVICE,

	/** The gateway: started last, the one address clients call. */
	EDGE,

	/** Started by a benchmark only. */
	BENCH

}
