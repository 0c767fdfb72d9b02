package org.dsmastery.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiscoveryApplicationTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void servesTheRegistryAndAcceptsARegistration() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		String instance = """
				{"instance":{"instanceId":"probe:1","hostName":"localhost","app":"PROBE","ipAddr":"127.0.0.1",
				"status":"UP","port":{"$":1,"@enabled":"true"},"dataCenterInfo":{"@class":
				"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";

		client.post()
			.uri("/eureka/apps/PROBE")
			.contentType(MediaType.APPLICATION_JSON)
			.body(instance)
			.retrieve()
			.toBodilessEntity();
		String apps = client.get()
			.uri("/eureka/apps/PROBE")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(String.class);

		assertThat(apps).contains("\"instanceId\":\"probe:1\"").contains("\"ipAddr\":\"127.0.0.1\"");
	}

	@Test
	void reportsHealth() {
		String health = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/health")
			.retrieve()
			.body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
	}

}
