package org.dsmastery.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TopologyTests {

	/** The repository's root: Maven runs the tests in this module's folder. */
	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private final Topology topology = Topology.read(0);

	@Test
	void theManifestListsEveryProcessInStartOrder() {
		assertThat(this.topology.springBootInstances()).extracting(Instance::id)
			.containsExactly("discovery-8761", "auth-server-9000", "id-generator-8085", "id-generator-8095",
					"inventory-service-8083", "payment-service-8082", "order-service-8081", "saga-orchestrator-8084",
					"rate-limiter-8086", "gateway-8080");
		assertThat(this.topology.gateway().url("/api/orders")).hasToString("http://127.0.0.1:8080/api/orders");
		assertThat(this.topology.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
		assertThat(this.topology.databases()).containsExactly("inventory", "payments", "orders", "sagas");
		assertThat(this.topology.instances("id-generator")).extracting(Instance::port).containsExactly(8085, 8095);
	}

	@Test
	void everySpringBootProcessServesItsActuatorOnAPortOfItsOwn() {
		assertThat(this.topology.springBootInstances()).allSatisfy((instance) -> {
			assertThat(instance.managementPort()).as(instance.name()).isPresent();
			assertThat(instance.managementPort().getAsInt()).as(instance.name()).isNotEqualTo(instance.port());
		});
		assertThat(this.topology.gateway().managementUrl("/actuator/health"))
			.hasToString("http://127.0.0.1:9080/actuator/health");
		assertThat(this.topology.withRole(Role.INFRA, Role.OBSERVABILITY, Role.BENCH))
			.allSatisfy((instance) -> assertThat(instance.managementPort()).as(instance.name()).isEmpty());
		assertThatIllegalStateException().isThrownBy(() -> this.topology.zipkin().managementUrl("/actuator/health"))
			.withMessage("zipkin has no management port");
		assertThat(Topology.read(10000).gateway().managementPort()).hasValue(19080);
	}

	@Test
	void theObservabilityServersAreProcessesOfThePlatformButNotSpringBootServices() {
		assertThat(this.topology.withRole(Role.OBSERVABILITY)).extracting(Instance::id)
			.containsExactly("zipkin-9411", "prometheus-9090");
		assertThat(this.topology.zipkin().url("/api/v2/spans")).hasToString("http://127.0.0.1:9411/api/v2/spans");
		assertThat(this.topology.springBootInstances()).extracting(Instance::role).doesNotContain(Role.OBSERVABILITY);
		assertThat(this.topology.platformPorts()).contains(9411, 9090).doesNotContain(8099);
		assertThat(Topology.read(10000).withRole(Role.OBSERVABILITY)).extracting(Instance::port)
			.containsExactly(19411, 19090);
	}

	@Test
	void everyProcessHasAPortOfItsOwn() {
		List<Integer> ports = this.topology.instances()
			.stream()
			.flatMap(
					(instance) -> Stream.concat(Stream.of(instance.port()), instance.managementPort().stream().boxed()))
			.toList();
		assertThat(ports).doesNotHaveDuplicates();
		assertThat(this.topology.platformPorts()).contains(9080, 10000).doesNotContain(8099);
	}

	@Test
	void anOffsetMovesEveryPortAndNothingElse() {
		Topology moved = Topology.read(10000);

		assertThat(moved.portOffset()).isEqualTo(10000);
		assertThat(moved.instances()).hasSameSizeAs(this.topology.instances());
		for (int i = 0; i < moved.instances().size(); i++) {
			Instance original = this.topology.instances().get(i);
			OptionalInt management = original.managementPort().isPresent()
					? OptionalInt.of(original.managementPort().getAsInt() + 10000) : OptionalInt.empty();
			assertThat(moved.instances().get(i)).isEqualTo(new Instance(original.name(), original.port() + 10000,
					management, original.role(), original.database()));
		}
	}

	@Test
	void theOffsetComesFromASystemPropertyBeforeTheEnvironment() {
		assertThat(Topology.portOffset(Map.of("PLATFORM_PORT_OFFSET", "10000")::get, Map.<String, String>of()::get))
			.isEqualTo(10000);
		assertThat(Topology.portOffset(Map.of("PLATFORM_PORT_OFFSET", "10000")::get,
				Map.of("platform.port-offset", "20000")::get))
			.isEqualTo(20000);
		assertThat(Topology.portOffset(Map.<String, String>of()::get, Map.<String, String>of()::get)).isZero();
	}

	@Test
	void aMalformedLineIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topology.parse("# comment\n\ngateway 8080 edge -\n", 0))
			.withMessageContaining("line 3")
			.withMessageContaining("gateway 8080 edge -");
		assertThatIllegalArgumentException().isThrownBy(() -> Topology.parse("gateway 8080 9080 router -\n", 0))
			.withMessageStartingWith("line 1: ")
			.withMessageContaining("ROUTER");
	}

	@Test
	void eachServicesOwnDefaultsAgreeWithTheManifest() throws IOException {
		for (Instance instance : this.topology.springBootInstances()) {
			if (!instance.equals(this.topology.instance(instance.name()))) {
				continue; // a second instance gets its port from ./platform
			}
			String yaml = Files.readString(ROOT.resolve(instance.name()).resolve("src/main/resources/application.yml"));
			assertThat(first(yaml, "\\$\\{PORT:(\\d+)}")).as(instance.name() + " server.port")
				.isEqualTo(String.valueOf(instance.port()));
			assertDefault(yaml, "REDIS_PORT:(\\d+)", "redis", instance);
			assertDefault(yaml, "KAFKA_BOOTSTRAP_SERVERS:127\\.0\\.0\\.1:(\\d+)", "kafka", instance);
			if (instance.database().isPresent()) {
				assertThat(first(yaml, "postgresql://127\\.0\\.0\\.1:(\\d+/\\w+)")).as(instance.name() + " database")
					.isEqualTo(this.topology.instance("postgresql").port() + "/" + instance.database().get());
			}
		}
		String defaults = Files.readString(ROOT.resolve(
				"libs/service-defaults/src/main/resources/org/dsmastery/servicedefaults/service-defaults.properties"));
		assertThat(first(defaults, "EUREKA_URL:http://127\\.0\\.0\\.1:(\\d+)/eureka/"))
			.isEqualTo(String.valueOf(this.topology.instance("discovery").port()));
	}

	@Test
	void theReadmesServiceTableAgreesWithTheManifest() throws IOException {
		String readme = Files.readString(ROOT.resolve("README.md"));
		Matcher rows = Pattern.compile("(?m)^\\| \\[([a-z-]+)]\\([a-z-]+/README\\.md\\) \\| ([0-9, ]+) \\|")
			.matcher(readme);
		int checked = 0;
		while (rows.find()) {
			List<String> ports = this.topology.instances(rows.group(1))
				.stream()
				.map((instance) -> String.valueOf(instance.port()))
				.toList();
			assertThat(rows.group(2).strip()).as("README port of " + rows.group(1)).isEqualTo(String.join(", ", ports));
			checked++;
		}
		assertThat(checked).as("services in the README's table").isEqualTo(9);
	}

	private void assertDefault(String yaml, String regex, String process, Instance instance) {
		String port = first(yaml, regex);
		if (port != null) {
			assertThat(port).as(instance.name() + " " + process + " port")
				.isEqualTo(String.valueOf(this.topology.instance(process).port()));
		}
	}

	private static String first(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

}
