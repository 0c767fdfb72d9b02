package org.dsmastery.payment.adapter.in.web;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.dsmastery.audit.contracts.v1.AuditExamples;
import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.devstack.Infra;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
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
 * {@code GET /api/audit/payments} has the shape of the golden example the invariant audit
 * is tested with, once the golden {@code AuthorizePayment}, sent as the orchestrator
 * sends it, gave it an account and a payment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "payments")
class PaymentAuditControllerTests {

	private static final GoldenMessage AUTHORIZE_PAYMENT = new GoldenMessage(AuthorizePayment.class,
			PaymentTopics.COMMANDS, AuthorizePayment.TYPE, PaymentContracts.VERSION,
			PaymentContracts.goldenExample(AuthorizePayment.class));

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void answersInTheGoldenShape() throws Exception {
		long order = ThreadLocalRandom.current().nextLong(1L << 50, Long.MAX_VALUE);
		this.kafka.send(GoldenMessage.record(AUTHORIZE_PAYMENT.about(order).sagaId(Long.toString(order)).build()))
			.get(10, TimeUnit.SECONDS);
		RestClient http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build();

		String audit = await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get().uri("/api/audit/payments").retrieve().body(String.class),
					(body) -> body.contains("\"orderId\":\"" + order + "\""));

		AuditExamples.assertSameShape(AuditExamples.golden("payments"), audit);
	}

}
