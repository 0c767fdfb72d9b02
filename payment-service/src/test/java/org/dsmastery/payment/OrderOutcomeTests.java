package org.dsmastery.payment;

import java.util.UUID;

import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finishing by facts: an approved order is captured, a rejected or cancelled one voided
 * and closed to late authorizations.
 */
class OrderOutcomeTests extends PaymentIntegrationTest {

	@Test
	void anApprovedOrderIsCapturedOnceHoweverOftenApprovalArrives() {
		String customer = customer();
		String order = order();
		authorizePayment(order, customer, 4000, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");
		String approval = UUID.randomUUID().toString();
		String redelivered = UUID.randomUUID().toString();

		send(OrderTopics.EVENTS, order, "OrderApproved", approved(order), approval, null);
		send(OrderTopics.EVENTS, order, "OrderApproved", approved(order), approval, null);
		send(OrderTopics.EVENTS, order, "OrderApproved", approved(order), redelivered, null);

		await().atMost(WAIT).until(() -> processed("payment-order-events", redelivered));
		assertThat(payload(awaitEvent(order, "PaymentCaptured"))).containsEntry("amountCents", 4000);
		awaitEveryEventRead();
		assertThat(this.events.of(order, "PaymentCaptured")).hasSize(1);
		assertThat(
				IncomingMessages.header(this.events.of(order, "PaymentCaptured").get(0), MessageHeaders.CAUSATION_ID))
			.isEqualTo(approval);
		assertThat(account(customer)).containsEntry("heldCents", 0)
			.containsEntry("capturedCents", 4000)
			.containsEntry("balanceCents", 96000);
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "CAPTURED");
	}

	@Test
	void aRejectedOrderIsVoidedAndALateAuthorizationIsDeclined() {
		String customer = customer();
		String order = order();
		authorizePayment(order, customer, 3000, UUID.randomUUID().toString(), order);
		awaitEvent(order, "PaymentAuthorized");

		send(OrderTopics.EVENTS, order, "OrderRejected", rejected(order), UUID.randomUUID().toString(), null);

		assertThat(payload(awaitEvent(order, "PaymentVoided"))).containsEntry("amountCents", 3000);
		assertThat(account(customer)).containsEntry("heldCents", 0).containsEntry("balanceCents", 100000);

		authorizePayment(order, customer, 3000, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "order-closed");
		assertThat(account(customer)).containsEntry("heldCents", 0);
		assertThat(get("/api/payments/" + order).getBody()).containsEntry("status", "VOIDED");
	}

	@Test
	void aCancelledOrderThatHeldNothingLeavesATombstone() {
		String customer = customer();
		String order = order();
		String cancellation = UUID.randomUUID().toString();

		send(OrderTopics.EVENTS, order, "OrderCancelled", cancelled(order), cancellation, null);
		await().atMost(WAIT).until(() -> processed("payment-order-events", cancellation));
		authorizePayment(order, customer, 3000, UUID.randomUUID().toString(), order);

		assertThat(payload(awaitEvent(order, "PaymentDeclined"))).containsEntry("reason", "order-closed");
		assertThat(this.events.of(order, "PaymentVoided")).isEmpty();
		assertThat(providerAttempts(order)).isZero();
	}

	private static String approved(String order) {
		return "{\"orderId\":\"" + order + "\",\"approvedAt\":\"2026-11-25T16:37:24.012Z\"}";
	}

	private static String rejected(String order) {
		return "{\"orderId\":\"" + order
				+ "\",\"reason\":\"out of stock\",\"rejectedAt\":\"2026-11-25T16:37:24.012Z\"}";
	}

	private static String cancelled(String order) {
		return "{\"orderId\":\"" + order
				+ "\",\"reason\":\"ordered by mistake\",\"cancelledAt\":\"2026-11-25T16:37:24.012Z\"}";
	}

}
