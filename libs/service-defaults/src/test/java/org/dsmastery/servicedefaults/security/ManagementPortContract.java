package org.dsmastery.servicedefaults.security;

import java.net.http.HttpResponse;

import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * What a service given a management port must do, as {@code ./platform} gives every
 * instance one ({@code MANAGEMENT_PORT}), whatever its web stack: the actuator answers
 * there, on loopback, under the same house rules, and nothing of it answers on the port
 * callers use. Each stack's test runs it against an application serving
 * {@code GET /api/things}.
 */
abstract class ManagementPortContract {

	private static final TestIdentity IDENTITY = TestIdentity.shared();

	private final int port;

	private final int managementPort;

	private final ManagementServerProperties management;

	ManagementPortContract(int port, int managementPort, ManagementServerProperties management) {
		this.port = port;
		this.managementPort = managementPort;
		this.management = management;
	}

	@Test
	void servesTheActuatorOnItsOwnPortBoundToLoopback() {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
		assertThat(this.management.getAddress().isLoopbackAddress()).isTrue();

		assertThat(get(this.managementPort, null, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, null, "/actuator/info").statusCode()).isEqualTo(200);
		HttpResponse<String> scrape = get(this.managementPort, null, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes");
	}

	/** OWASP API8: only what probes and scrapes need, and nothing else by default. */
	@Test
	void exposesOnlyHealthInfoAndPrometheusByDefault() {
		for (String endpoint : new String[] { "metrics", "env", "beans", "configprops", "heapdump", "loggers" }) {
			assertThat(get(this.managementPort, IDENTITY.admin(), "/actuator/" + endpoint).statusCode()).as(endpoint)
				.isEqualTo(404);
		}
	}

	@Test
	void keepsTheHouseRulesOnTheManagementPort() {
		assertProblem(get(this.managementPort, null, "/actuator"), 401, "unauthorized", "Unauthorized");
		assertProblem(get(this.managementPort, IDENTITY.shopper("42"), "/actuator"), 403, "forbidden", "Forbidden");
		assertThat(get(this.managementPort, IDENTITY.admin(), "/actuator").statusCode()).isEqualTo(200);
	}

	/** OWASP API8: nothing routed to the service reaches its actuator. */
	@Test
	void answersNoActuatorEndpointOnTheServicePort() {
		for (String endpoint : new String[] { "/actuator", "/actuator/health", "/actuator/prometheus" }) {
			// the house rules still apply to the path: an anonymous caller is asked for a
			// token where an operator's would be needed, and finds nothing where it would
			// not
			assertThat(get(this.port, null, endpoint).statusCode()).as(endpoint).isIn(401, 404);
			assertProblem(get(this.port, IDENTITY.admin(), endpoint), 404, "not-found", "Not found");
		}
		assertThat(get(this.port, IDENTITY.shopper("42"), "/api/things").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, IDENTITY.shopper("42"), "/api/things").statusCode()).isEqualTo(404);
	}

	private static HttpResponse<String> get(int port, String token, String path) {
		LocalHttp http = new LocalHttp(port, token);
		return http.send(http.request(path).GET());
	}

}
