package org.dsmastery.saga.adapter.in.web;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.dsmastery.audit.contracts.v1.AuditExamples;
import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.devstack.Infra;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/audit/sagas} has the shape of the golden example the invariant audit is
 * tested with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms", "shop.saga.step-timeout=2s",
				"shop.saga.give-up-after=5s", "shop.saga.deadline-check-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "sagas")
class SagaAuditControllerTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void answersInTheGoldenShape() throws Exception {
		long order = ThreadLocalRandom.current().nextLong(1L << 50, Long.MAX_VALUE);
		GoldenMessage placed = new GoldenMessage(OrderPlaced.class, OrderTopics.EVENTS, OrderPlaced.TYPE,
				OrderContracts.VERSION, OrderContracts.goldenExample(OrderPlaced.class));
		this.kafka.send(GoldenMessage.record(placed.about(order).build())).get(10, TimeUnit.SECONDS);
		RestClient http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get()
				.uri("/api/sagas/{id}", order)
				.retrieve()
				.onStatus((status) -> status.value() == 404, (request, reply) -> {
				})
				.toBodilessEntity()
				.getStatusCode()
				.is2xxSuccessful());

		String audit = http.get().uri("/api/audit/sagas").retrieve().body(String.class);

		AuditExamples.assertSameShape(AuditExamples.golden("sagas"), audit);
	}

}
