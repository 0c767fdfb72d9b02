package org.dsmastery.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The secrets arrive as {@code ./platform up} passes them, and the server refuses to
 * start without them, saying which and where they come from.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

	@Test
	void refusesToStartWithoutASecretAndNamesIt(CapturedOutput output) {
		List<String> args = arguments(Map.of(IdentityProperties.SHOPPER_PASSWORD, TestSecrets.SHOPPER_PASSWORD,
				IdentityProperties.SERVICES_SECRET, TestSecrets.SERVICES_SECRET));

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> start(args))
			.havingRootCause()
			.isInstanceOf(MissingSecretsException.class)
			.withMessageContaining("shop.identity.clients.admin.secret")
			.withMessageContaining("./platform up");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The auth-server has no value for shop.identity.clients.admin.secret.")
			.doesNotContain(TestSecrets.SHOPPER_PASSWORD, TestSecrets.SERVICES_SECRET);
	}

	@Test
	void namesEveryMissingSecret() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> start(arguments(Map.of())))
			.havingRootCause()
			.isInstanceOfSatisfying(MissingSecretsException.class,
					(missing) -> assertThat(missing.properties()).containsExactly(IdentityProperties.SHOPPER_PASSWORD,
							IdentityProperties.ADMIN_SECRET, IdentityProperties.SERVICES_SECRET));
	}

	@Test
	void readsTheSecretsFromAConfigTreeAsThePlatformWritesThem(@TempDir Path secrets) throws IOException {
		for (Map.Entry<String, Object> secret : TestSecrets.all().entrySet()) {
			// one file per property, named after it; a trailing newline is not part of it
			Files.writeString(secrets.resolve(secret.getKey()), secret.getValue() + "\n");
		}
		List<String> args = arguments(Map.of());
		args.add("--spring.config.import=optional:configtree:" + secrets + "/");

		try (ConfigurableApplicationContext context = start(args)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Tokens tokens = new Tokens(port);
			assertThat(Tokens.accessToken(tokens.clientCredentials("shop-admin", TestSecrets.ADMIN_SECRET, "admin")))
				.isNotBlank();
			assertThat(Tokens
				.accessToken(tokens.clientCredentials("shop-services", TestSecrets.SERVICES_SECRET, "internal")))
				.isNotBlank();
		}
	}

	private static List<String> arguments(Map<String, Object> secrets) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--eureka.client.enabled=false"));
		secrets.forEach((name, value) -> args.add("--" + name + "=" + value));
		return args;
	}

	private static ConfigurableApplicationContext start(List<String> args) {
		return new SpringApplicationBuilder(AuthServerApplication.class).run(args.toArray(String[]::new));
	}

}
