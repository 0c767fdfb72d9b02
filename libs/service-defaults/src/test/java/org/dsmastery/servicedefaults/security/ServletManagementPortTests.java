package org.dsmastery.servicedefaults.security;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@link ManagementPortContract} on a servlet service (Tomcat).
 */
@SpringBootTest(classes = ServletManagementPortTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "MANAGEMENT_PORT=0", "eureka.client.enabled=false", "spring.cloud.discovery.enabled=false" })
class ServletManagementPortTests extends ManagementPortContract {

	ServletManagementPortTests(@LocalServerPort int port, @LocalManagementPort int managementPort,
			@Autowired ManagementServerProperties management) {
		super(port, managementPort, management);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		ThingController thingController() {
			return new ThingController();
		}

	}

	@RestController
	static class ThingController {

		@GetMapping("/api/things")
		Map<String, Object> all() {
			return Map.of();
		}

	}

}
