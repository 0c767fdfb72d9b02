package org.dsmastery.servicedefaults.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.dsmastery.testsupport.StubHttpServer;
import org.dsmastery.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service's own token in WebFlux, fetched from a slow token endpoint by callers that
 * give up sooner than it answers (as the gateway gives a rate-limit decision 250 ms): the
 * fetch is not cancelled with them, so the token arrives, and one fetch serves every
 * caller.
 */
class ServiceTokenFilterTests {

	@Test
	void aSlowTokenEndpointIsNotCancelledByCallersThatGiveUpAndIsAskedOnce() {
		AtomicInteger tokenRequests = new AtomicInteger();
		List<String> authorizations = new CopyOnWriteArrayList<>();
		try (StubHttpServer authServer = StubHttpServer.start((exchange) -> {
			tokenRequests.incrementAndGet();
			pause(400);
			StubHttpServer.respond(exchange, 200, "{\"access_token\":\"" + TestIdentity.shared().internal()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
		}); StubHttpServer service = StubHttpServer.start((exchange) -> {
			authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			StubHttpServer.respond(exchange, 200, "{}");
		})) {
			WebClient client = WebClient.builder()
				.baseUrl(service.url())
				.filter(filter(authServer.url() + "/oauth2/token"))
				.build();

			for (int i = 0; i < 3; i++) {
				assertThat(client.get()
					.retrieve()
					.toBodilessEntity()
					.timeout(Duration.ofMillis(100))
					.onErrorComplete()
					.block()).as("a call that gives up before the token arrives").isNull();
			}
			await().atMost(Duration.ofSeconds(5))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(
						client.get().retrieve().toBodilessEntity().timeout(Duration.ofMillis(100)).block())
					.isNotNull());
			client.get().retrieve().toBodilessEntity().block();

			assertThat(tokenRequests).hasValue(1);
			assertThat(authorizations).hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((authorization) -> assertThat(authorization).startsWith("Bearer ey"));
		}
	}

	private static ServiceTokenFilter filter(String tokenUri) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceTokens.REGISTRATION_ID)
			.clientId("shop-services")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("internal")
			.tokenUri(tokenUri)
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		return new ServiceTokenFilter(
				new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
						new InMemoryReactiveOAuth2AuthorizedClientService(registrations)),
				"gateway", Clock.systemUTC());
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
