package org.dsmastery.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dsmastery.topology.PlatformKafka;
import org.dsmastery.topology.Topology;

/**
 * Where the audit looks and how patient it is.
 *
 * @param orders order-service's base URL
 * @param inventory inventory-service's base URL
 * @param payments payment-service's base URL
 * @param sagas saga-orchestrator's base URL
 * @param kafka the Kafka client properties of the cluster: its bootstrap servers, and its
 * credentials when it demands them
 * @param consumerGroupPrefixes the consumer groups whose lag counts (the platform's own)
 * @param terminalWithin how long an order may stay pending before invariant 1 fails
 */
public record AuditTargets(URI orders, URI inventory, URI payments, URI sagas, Map<String, Object> kafka,
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
	 * @param state the platform's state folder, where a secured Kafka's password is
	 * @return the targets
	 */
	public static AuditTargets of(Topology topology, Path state) {
		return new AuditTargets(topology.instance("order-service").url(), topology.instance("inventory-service").url(),
				topology.instance("payment-service").url(), topology.instance("saga-orchestrator").url(),
				PlatformKafka.clientProperties(topology, state), PLATFORM_GROUPS, TERMINAL_WITHIN);
	}

	/**
	 * Returns the Kafka cluster's address, for messages.
	 * @return its bootstrap servers
	 */
	public String kafkaBootstrapServers() {
		return String.valueOf(this.kafka.get("bootstrap.servers"));
	}

}
