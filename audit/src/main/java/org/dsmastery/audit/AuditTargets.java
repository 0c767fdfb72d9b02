package org.dsmastery.audit;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.dsmastery.topology.Topology;

/**
 * Where the audit looks and how patient it is.
 *
 * @param orders order-service's base URL
 * @param inventory inventory-service's base URL
 * @param payments payment-service's base URL
 * @param sagas saga-orchestrator's base URL
 * @param kafkaBootstrapServers the Kafka cluster
 * @param consumerGroupPrefixes the consumer groups whose lag counts (the platform's own)
 * @param terminalWithin how long an order may stay pending before invariant 1 fails
 */
public record AuditTargets(URI orders, URI inventory, URI payments, URI sagas, String kafkaBootstrapServers,
		List<String> consumerGroupPrefixes, Duration terminalWithin) {

	/** The groups of the services that consume the platform's topics. */
	public static final List<String> PLATFORM_GROUPS = List.of("order-service", "inventory-service", "payment-service",
			"saga-orchestrator");

	/**
	 * How long an order of the local platform may stay pending: its two forward steps,
	 * each given up after 2 minutes at the most (the saga's {@code give-up-after}, the
	 * choreography's timeout), and a minute for the compensations.
	 */
	public static final Duration TERMINAL_WITHIN = Duration.ofMinutes(5);

	/**
	 * The platform as {@code ./platform up} runs it on loopback, at the addresses of
	 * {@code topology/platform.topology}.
	 * @param topology the platform's processes
	 * @return the targets
	 */
	public static AuditTargets of(Topology topology) {
		return new AuditTargets(topology.instance("order-service").url(), topology.instance("inventory-service").url(),
				topology.instance("payment-service").url(), topology.instance("saga-orchestrator").url(),
				topology.kafkaBootstrapServers(), PLATFORM_GROUPS, TERMINAL_WITHIN);
	}

}
