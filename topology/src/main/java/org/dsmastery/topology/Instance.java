package org.dsmastery.topology;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One process of the platform: a line of {@code platform.topology}.
 *
 * @param name the process name, for a service its {@code spring.application.name}
 * @param port its port on 127.0.0.1, offset included
 * @param managementPort the port of its actuator, offset included, for a Spring Boot
 * process: apart from {@code port}, so that nothing routed to the process reaches it
 * @param role what it is to the platform
 * @param database its PostgreSQL database, if it has one
 */
public record Instance(String name, int port, OptionalInt managementPort, Role role, Optional<String> database) {

	/**
	 * The name {@code ./platform} gives the instance's pid and log files, such as
	 * {@code payment-service-8082}.
	 * @return name and port
	 */
	public String id() {
		return this.name + "-" + this.port;
	}

	/**
	 * The instance's HTTP address.
	 * @return {@code http://127.0.0.1:port}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Returns the address of a path on this instance.
	 * @param path an absolute path, with its query if any
	 * @return the URI
	 */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Returns the address of an actuator endpoint of this instance, on its management
	 * port.
	 * @param path an absolute path, such as {@code /actuator/health}
	 * @return the URI
	 * @throws IllegalStateException if the process has no management port (it is not a
	 * Spring Boot process of the platform)
	 */
	public URI managementUrl(String path) {
		int management = this.managementPort
			.orElseThrow(() -> new IllegalStateException(this.name + " has no management port"));
		return URI.create("http://127.0.0.1:" + management + path);
	}

}
