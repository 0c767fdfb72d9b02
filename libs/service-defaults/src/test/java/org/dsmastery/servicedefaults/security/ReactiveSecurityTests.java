package org.dsmastery.servicedefaults.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.testsupport.ProblemAssertions.assertProblem;

/**
 * A WebFlux service (the gateway's and the rate-limiter's stack) with the platform's
 * security, on a real Reactor Netty, asked over real HTTP: the same house rules, problems
 * and challenges as a servlet service, and the service's own {@link ReactiveAccessRules}.
 */
@SpringBootTest(classes = ReactiveSecurityTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "eureka.client.enabled=false",
				"spring.cloud.discovery.enabled=false" })
class ReactiveSecurityTests {

	private static final TestIdentity IDENTITY = TestIdentity.shared();

	private final int port;

	ReactiveSecurityTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void refusesARequestWithoutATokenOrWithAForgedOneWith401() {
		HttpResponse<String> anonymous = get(null, "/api/things");
		JsonNode problem = assertProblem(anonymous, 401, "unauthorized", "Unauthorized");
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

		HttpResponse<String> forged = get(IDENTITY.adminSignedByAnotherKey(), "/api/things");
		assertProblem(forged, 401, "unauthorized", "Unauthorized");
		assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void appliesTheHouseRulesAndTheServicesOwn() {
		assertThat(get(IDENTITY.shopper("42"), "/api/things").statusCode()).isEqualTo(200);
		assertProblem(get(IDENTITY.shopper("42"), "/api/admin/things"), 403, "forbidden", "Forbidden");
		assertThat(get(IDENTITY.admin(), "/api/admin/things").statusCode()).isEqualTo(200);
		assertThat(get(IDENTITY.internal(), "/api/audit/things").statusCode()).isEqualTo(200);
		assertThat(get(null, "/api/public").statusCode()).isEqualTo(200);
		assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String token, String path) {
		LocalHttp http = new LocalHttp(this.port, token);
		return http.send(http.request(path).GET());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		ThingHandler thingHandler() {
			return new ThingHandler();
		}

		@Bean
		ReactiveAccessRules publicThings() {
			return (exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/api/public").permitAll();
		}

	}

	@RestController
	static class ThingHandler {

		@GetMapping({ "/api/things", "/api/admin/things", "/api/audit/things", "/api/public" })
		Mono<Map<String, Object>> all() {
			return Mono.just(Map.of());
		}

	}

}
