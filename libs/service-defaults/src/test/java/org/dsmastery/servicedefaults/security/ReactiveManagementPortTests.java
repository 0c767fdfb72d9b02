package org.dsmastery.servicedefaults.security;

import java.util.Map;

import reactor.core.publisher.Mono;

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
 * The {@link ManagementPortContract} on a WebFlux service (Reactor Netty, the gateway's
 * stack).
 */
@SpringBootTest(classes = ReactiveManagementPortTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "MANAGEMENT_PORT=0",
				// this module's tests have Tomcat beside Netty; the gateway has Netty
				// alone
				"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration",
				"eureka.client.enabled=false", "spring.cloud.discovery.enabled=false" })
class ReactiveManagementPortTests extends ManagementPortContract {

	ReactiveManagementPortTests(@LocalServerPort int port, @LocalManagementPort int managementPort,
			@Autowired ManagementServerProperties management) {
		super(port, managementPort, management);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		ThingHandler thingController() {
			return new ThingHandler();
		}

	}

	@RestController
	static class ThingHandler {

		@GetMapping("/api/things")
		Mono<Map<String, Object>> all() {
			return Mono.just(Map.of());
		}

	}

}
