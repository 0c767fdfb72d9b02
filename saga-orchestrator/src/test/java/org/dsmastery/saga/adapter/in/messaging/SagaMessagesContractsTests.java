package org.dsmastery.saga.adapter.in.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.devstack.Infra;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.inventory.contracts.v1.StockReleased;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.contracts.v1.PaymentVoided;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer side of every event the saga reads: each owner's golden example reads into
 * its contract without loss, and, sent as its producer sends it, reaches the saga through
 * the real listeners (a type the listener does not match would leave no trace in the
 * saga's history).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "shop.outbox.poll-interval=200ms", "shop.saga.step-timeout=2s",
				"shop.saga.give-up-after=5s", "shop.saga.deadline-check-interval=200ms" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "sagas")
class SagaMessagesContractsTests {

	static final GoldenMessage ORDER_PLACED = order(OrderPlaced.class);

	/** Everything the saga consumes after the {@code OrderPlaced} that starts it. */
	static final List<GoldenMessage> REPLIES_AND_ENDINGS = List.of(inventory(StockReserved.class),
			inventory(StockRejected.class), inventory(StockReleased.class), payment(PaymentAuthorized.class),
			payment(PaymentDeclined.class), payment(PaymentVoided.class), order(OrderApproved.class),
			order(OrderRejected.class), order(OrderCancelled.class));

	static final List<GoldenMessage> CONSUMED = Stream.concat(Stream.of(ORDER_PLACED), REPLIES_AND_ENDINGS.stream())
		.toList();

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@ParameterizedTest
	@FieldSource("CONSUMED")
	void readsTheGoldenExampleWithoutLoss(GoldenMessage golden) throws Exception {
		Record read = JSON.readValue(golden.json(), golden.contract());

		JSONAssert.assertEquals(golden.json(), JSON.writeValueAsString(read), JSONCompareMode.STRICT);
	}

	@Test
	void theListenersFeedEveryGoldenExampleToTheSaga() throws Exception {
		long order = ThreadLocalRandom.current().nextLong(1L << 50, Long.MAX_VALUE);
		send(ORDER_PLACED, order, null);
		await().atMost(Duration.ofSeconds(20)).until(() -> historyTypes(order).contains(OrderPlaced.TYPE));

		for (GoldenMessage message : REPLIES_AND_ENDINGS) {
			send(message, order, message.topic().equals(OrderTopics.EVENTS) ? null : Long.toString(order));
		}

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(historyTypes(order)).as("every input was received or ignored, none skipped")
				.containsAll(REPLIES_AND_ENDINGS.stream().map(GoldenMessage::type).toList()));
	}

	private void send(GoldenMessage golden, long order, String sagaId) throws Exception {
		this.kafka.send(GoldenMessage.record(golden.about(order).sagaId(sagaId).build())).get(10, TimeUnit.SECONDS);
	}

	private List<String> historyTypes(long order) {
		Map<String, Object> saga = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIdentity.shared().admin()))
			.build()
			.get()
			.uri("/api/sagas/{id}", order)
			.retrieve()
			.onStatus((status) -> status.value() == 404, (request, reply) -> {
			})
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		if (saga == null) {
			return List.of();
		}
		return ((List<?>) saga.get("history")).stream()
			.map((entry) -> String.valueOf(((Map<?, ?>) entry).get("type")))
			.toList();
	}

	private static GoldenMessage order(Class<? extends Record> event) {
		return new GoldenMessage(event, OrderTopics.EVENTS, OrderContracts.typeOf(event), OrderContracts.VERSION,
				OrderContracts.goldenExample(event));
	}

	private static GoldenMessage inventory(Class<? extends Record> event) {
		return new GoldenMessage(event, InventoryTopics.EVENTS, InventoryContracts.typeOf(event),
				InventoryContracts.VERSION, InventoryContracts.goldenExample(event));
	}

	private static GoldenMessage payment(Class<? extends Record> event) {
		return new GoldenMessage(event, PaymentTopics.EVENTS, PaymentContracts.typeOf(event), PaymentContracts.VERSION,
				PaymentContracts.goldenExample(event));
	}

}
