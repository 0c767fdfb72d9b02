package org.dsmastery.payment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authorizing and voiding on the saga's commands: one hold per order, every command
 * answered.
 */
class AuthorizationTests extends PaymentIntegrationTest {

	@Test
	void authorizesAnOrderAndHoldsItsAmount() {
		String customer = customer();
		String order = order();
		String sagaId = order;

		String messageId = authorizePayment(order, customer, 12498, UUID.randomUUID().toString(), sagaId);

		ConsumerRecord<String, String> authorized = awaitEvent(order, "PaymentAuthorized");
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CAUSATION_ID)).isEqualTo(messageId);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.CORRELATION_ID)).isEqualTo(order);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.SAGA_ID)).isEqualTo(sagaId);
		assertThat(IncomingMessages.header(authorized, MessageHeaders.VERSION)).isEqualTo("1");
		Map<String, Object> payload = payload(authorized);
		assertThat(payload).containsEntry("orderId", order)
			.containsEntry("customerId", customer)
			.containsEntry("amountCents", 12498)
			.containsEntry("currency", "EUR");
		assertThat((String) payload.get("authorizationId")).startsWith("auth-");
		assertThat(account(customer)).containsEntry("creditCents", 100000)
			.containsEntry("balanceCents", 87502)
			.containsEntry("heldCents", 12498)
			.containsEntry("capturedCents", 0);
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "AUTHORIZED")
			.containsEntry("sagaStyle", "orchestrated")
			.containsEntry("authorizationId", payload.get("authorizationId"));
	}

	@Test
	void aDuplicatedAuthorizationHoldsOnceAndAnswersEveryCommand() {
		String customer = customer();
		String order = order();
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();

		authorizePayment(order, customer, 5000, first, order);
		authorizePayment(order, customer, 5000, first, order);
		authorizePayment(order, customer, 5000, second, order);

		await().atMost(WAIT).until(() -> this.events.of(order, "PaymentAuthorized").size() == 2);
		assertThat(processed("payment-commands", first)).isTrue();
		List<ConsumerRecord<String, String>> answers = this.events.of(order, "PaymentAuthorized");
		assertThat(answers).extracting((record) -> IncomingMessages.header(record, MessageHeaders.CAUSATION_ID))
			.containsExactlyInAnyOrder(first, second);
		assertThat(answers).extracting((record) -> payload(record).get("authorizationId"))
			.containsOnly(payload(answers.get(0)).get("authorizationId"));
		assertThat(account(customer)).containsEntry("heldCents", 5000).containsEntry("balanceCents", 95000);
		assertThat(this.jdbc.queryForObject("select count(*) from provider_authorization where reference = ?",
				Integer.class, order))
			.isOne();
	}

	@Test
	void declinesWhatTheBalanceDoesNotCoverWithoutAskingTheProvider() {
		String customer = customer();
		String order = order();
		setCredit(customer, 5000);

		authorizePayment(order, customer, 12498, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "insufficient-credit")
			.containsEntry("customerId", customer);
		assertThat(account(customer)).containsEntry("balanceCents", 5000).containsEntry("heldCents", 0);
		assertThat(providerAttempts(order)).isZero();
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "DECLINED")
			.containsEntry("reason", "insufficient-credit");
	}

	@Test
	void aVoidCommandIsAlwaysAnswered() {
		String customer = customer();
		String held = order();
		String nothingHeld = order();
		authorizePayment(held, customer, 1500, UUID.randomUUID().toString(), held);
		awaitEvent(held, "PaymentAuthorized");

		String voidHeld = UUID.randomUUID().toString();
		send(PaymentTopics.COMMANDS, held, "VoidPayment", voidPayment(held), voidHeld, held);
		send(PaymentTopics.COMMANDS, nothingHeld, "VoidPayment", voidPayment(nothingHeld), UUID.randomUUID().toString(),
				nothingHeld);

		ConsumerRecord<String, String> voided = awaitEvent(held, "PaymentVoided");
		assertThat(payload(voided)).containsEntry("amountCents", 1500);
		assertThat(IncomingMessages.header(voided, MessageHeaders.SAGA_ID)).isEqualTo(held);
		assertThat(IncomingMessages.header(voided, MessageHeaders.CAUSATION_ID)).isEqualTo(voidHeld);
		assertThat(payload(awaitEvent(nothingHeld, "PaymentVoided"))).containsEntry("amountCents", 0);
		assertThat(account(customer)).containsEntry("heldCents", 0).containsEntry("balanceCents", 100000);

		authorizePayment(nothingHeld, customer, 1500, UUID.randomUUID().toString(), nothingHeld);
		assertThat(payload(awaitEvent(nothingHeld, "PaymentDeclined"))).containsEntry("reason", "order-closed");
	}

	private static String voidPayment(String order) {
		return "{\"orderId\":\"" + order + "\",\"reason\":\"step timed out: AUTHORIZING_PAYMENT\"}";
	}

}
