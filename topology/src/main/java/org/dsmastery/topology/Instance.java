package org.dsmastery.topology;

import java.net.URI;
import java.util.Optional;

/**
 * One process of the platform: a line of {@code platform.topology}.
 *
 * @param name the process name, for a service its {@code spring.application.name}
 * @param port its port on 127.0.0.1, offset included
 * @param role what it is to the platform
 * @param database its PostgreSQL database, if it has one
 */
public record Instance(String name, int port, Role role, Optional<String> database) {

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

}
