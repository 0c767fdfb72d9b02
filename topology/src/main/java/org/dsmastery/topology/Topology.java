package org.dsmastery.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The platform's processes and ports, read from {@code topology/platform.topology}, the
 * same file {@code ./platform} reads.
 *
 * <pre class="code">
 * Topology topology = Topology.local();
 * URI orders = topology.instance("order-service").url("/api/orders");
 * </pre>
 * <p>
 * Each line's {@link Role} says when {@code ./platform up} starts the process: the
 * infrastructure and discovery first, then the observability servers (the local trace UI,
 * Zipkin, and Prometheus, which are not Spring Boot services of the platform and have no
 * health endpoint of the actuator's shape), then the services and the gateway.
 *
 * @param instances every process, in start order
 * @param portOffset what was added to every port of the manifest
 */
public record Topology(List<Instance> instances, int portOffset) {

	/** The manifest on the class path. */
	public static final String RESOURCE = "/org/dsmastery/topology/platform.topology";

	/**
	 * The environment variable (or, in a test, the system property
	 * {@code platform.port-offset}) that moves every port by the same amount, as
	 * {@code ./platform} does.
	 */
	public static final String PORT_OFFSET = "PLATFORM_PORT_OFFSET";

	public Topology {
		instances = List.copyOf(instances);
	}

	/**
	 * The platform as {@code ./platform} runs it here: the manifest, with the port offset
	 * of this process's environment.
	 * @return the topology
	 */
	public static Topology local() {
		return read(portOffset(System::getenv, System::getProperty));
	}

	/**
	 * The manifest with every port moved by {@code portOffset}.
	 * @param portOffset what to add to every port
	 * @return the topology
	 */
	public static Topology read(int portOffset) {
		try (InputStream in = Topology.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("no " + RESOURCE + " on the class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), portOffset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses a manifest: one process a line ({@code name port management role database}),
	 * {@code #} comments and blank lines ignored.
	 * @param text the manifest
	 * @param portOffset what to add to every port
	 * @return the topology
	 * @throws IllegalArgumentException for a line that is not five fields, a port that is
	 * not a number or an unknown role
	 */
	public static Topology parse(String text, int portOffset) {
		List<Instance> instances = new ArrayList<>();
		int number = 0;
		for (String line : text.split("\n")) {
			number++;
			String content = line.strip();
			if (content.isEmpty() || content.startsWith("#")) {
				continue;
			}
			String[] fields = content.split("\\s+");
			if (fields.length != 5) {
				throw new IllegalArgumentException(
						"line " + number + ": expected 'name port management role database', found '" + content + "'");
			}
			try {
				OptionalInt management = fields[2].equals("-") ? OptionalInt.empty()
						: OptionalInt.of(Integer.parseInt(fields[2]) + portOffset);
				Optional<String> database = Optional.of(fields[4]).filter((name) -> !name.equals("-"));
				instances.add(new Instance(fields[0], Integer.parseInt(fields[1]) + portOffset, management,
						Role.valueOf(fields[3].toUpperCase(Locale.ROOT)), database));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("line " + number + ": " + ex.getMessage(), ex);
			}
		}
		return new Topology(instances, portOffset);
	}

	static int portOffset(Function<String, String> environment, Function<String, String> systemProperties) {
		String offset = systemProperties.apply("platform.port-offset");
		if (offset == null) {
			offset = environment.apply(PORT_OFFSET);
		}
		return (offset == null || offset.isBlank()) ? 0 : Integer.parseInt(offset.strip());
	}

	/**
	 * Returns the first instance of a process.
	 * @param name the process name, such as {@code order-service}
	 * @return the instance
	 * @throws IllegalArgumentException if the manifest has no such process
	 */
	public Instance instance(String name) {
		return this.instances.stream()
			.filter((instance) -> instance.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no process '" + name + "' in platform.topology"));
	}

	/**
	 * Returns every instance of a process, such as both id-generators.
	 * @param name the process name
	 * @return its instances, in start order
	 */
	public List<Instance> instances(String name) {
		return this.instances.stream().filter((instance) -> instance.name().equals(name)).toList();
	}

	/**
	 * Returns the instances with one of the given roles.
	 * @param roles the roles
	 * @return the instances, in start order
	 */
	public List<Instance> withRole(Role... roles) {
		List<Role> wanted = List.of(roles);
		return this.instances.stream().filter((instance) -> wanted.contains(instance.role())).toList();
	}

	/**
	 * The Spring Boot processes {@code ./platform up} starts: discovery, the services and
	 * the gateway.
	 * @return the instances, in start order
	 */
	public List<Instance> springBootInstances() {
		return withRole(Role.DISCOVERY, Role.SERVICE, Role.EDGE);
	}

	/**
	 * The ports {@code ./platform up} listens on, infrastructure and observability
	 * included (Prometheus's only when it is installed, but {@code down} frees it either
	 * way).
	 * @return every port but the benchmarks', management ports included
	 */
	public List<Integer> platformPorts() {
		return withRole(Role.INFRA, Role.OBSERVABILITY, Role.DISCOVERY, Role.SERVICE, Role.EDGE).stream()
			.flatMap(
					(instance) -> Stream.concat(Stream.of(instance.port()), instance.managementPort().stream().boxed()))
			.toList();
	}

	/**
	 * The local trace UI's span and query API, as {@code ./platform up} runs it.
	 * @return the Zipkin instance
	 */
	public Instance zipkin() {
		return instance("zipkin");
	}

	/**
	 * The address clients call: the gateway's.
	 * @return the edge instance
	 */
	public Instance gateway() {
		return withRole(Role.EDGE).getFirst();
	}

	/**
	 * Returns Kafka's bootstrap servers.
	 * @return {@code 127.0.0.1:port}
	 */
	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + instance("kafka").port();
	}

	/**
	 * The PostgreSQL databases of the services, which the dev stack creates.
	 * @return the database names, in start order
	 */
	public List<String> databases() {
		return this.instances.stream().flatMap((instance) -> instance.database().stream()).distinct().toList();
	}

}
