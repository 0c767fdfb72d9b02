package org.dsmastery.payment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The payment of one order; there is at most one per order (the order id is its key), so
 * an order can neither be authorized nor charged twice. Its state machine:
 * {@code AUTHORIZED -> VOIDED | CAPTURED}; {@code DECLINED} is final from the start.
 */
public final class Payment {

	private final OrderId orderId;

	private final CustomerId customerId;

	private final Money amount;

	private final SagaStyle sagaStyle;

	private final String authorizationId;

	private final Instant createdAt;

	private PaymentStatus status;

	private String reason;

	private Instant updatedAt;

	private Payment(OrderId orderId, CustomerId customerId, Money amount, SagaStyle sagaStyle, PaymentStatus status,
			String authorizationId, String reason, Instant createdAt, Instant updatedAt) {
		this.orderId = Objects.requireNonNull(orderId, "orderId");
		this.customerId = Objects.requireNonNull(customerId, "customerId");
		this.amount = Objects.requireNonNull(amount, "amount");
		this.sagaStyle = Objects.requireNonNull(sagaStyle, "sagaStyle");
		this.status = Objects.requireNonNull(status, "status");
		this.authorizationId = authorizationId;
		this.reason = reason;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/**
	 * A payment whose amount is now held.
	 * @param orderId the order
	 * @param customerId the customer
	 * @param amount the held amount
	 * @param sagaStyle what triggered it
	 * @param authorizationId the provider's reference
	 * @param at when
	 * @return the payment
	 */
	public static Payment authorized(OrderId orderId, CustomerId customerId, Money amount, SagaStyle sagaStyle,
			String authorizationId, Instant at) {
		return new Payment(orderId, customerId, amount, sagaStyle, PaymentStatus.AUTHORIZED,
				Objects.requireNonNull(authorizationId, "authorizationId"), null, at, at);
	}

	/**
	 * A payment that was refused; nothing is held.
	 * @param orderId the order
	 * @param customerId the customer
	 * @param amount the amount asked for
	 * @param sagaStyle what triggered it
	 * @param reason a {@link DeclineReason}
	 * @param at when
	 * @return the payment
	 */
	public static Payment declined(OrderId orderId, CustomerId customerId, Money amount, SagaStyle sagaStyle,
			String reason, Instant at) {
		return new Payment(orderId, customerId, amount, sagaStyle, PaymentStatus.DECLINED, null,
				Objects.requireNonNull(reason, "reason"), at, at);
	}

	/**
	 * Restores a payment from storage.
	 * @param orderId the order
	 * @param customerId the customer
	 * @param amount the amount
	 * @param sagaStyle what triggered it
	 * @param status its status
	 * @param authorizationId the provider's reference, if authorized
	 * @param reason why it was declined or voided, if it was
	 * @param createdAt when it was decided
	 * @param updatedAt when it last changed
	 * @return the payment
	 */
	public static Payment restore(OrderId orderId, CustomerId customerId, Money amount, SagaStyle sagaStyle,
			PaymentStatus status, String authorizationId, String reason, Instant createdAt, Instant updatedAt) {
		return new Payment(orderId, customerId, amount, sagaStyle, status, authorizationId, reason, createdAt,
				updatedAt);
	}

	/**
	 * Gives the held amount back.
	 * @param why the reason, for people
	 * @param at when
	 * @return the amount no longer held: the payment's amount if it was authorized,
	 * otherwise 0 (nothing changes)
	 */
	public long voidHold(String why, Instant at) {
		if (this.status != PaymentStatus.AUTHORIZED) {
			return 0;
		}
		this.status = PaymentStatus.VOIDED;
		this.reason = why;
		this.updatedAt = at;
		return this.amount.cents();
	}

	/**
	 * Charges the held amount.
	 * @param at when
	 * @return the amount charged if it was authorized, otherwise 0 (nothing changes: a
	 * payment is captured at most once)
	 */
	public long capture(Instant at) {
		if (this.status != PaymentStatus.AUTHORIZED) {
			return 0;
		}
		this.status = PaymentStatus.CAPTURED;
		this.updatedAt = at;
		return this.amount.cents();
	}

	public OrderId orderId() {
		return this.orderId;
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public Money amount() {
		return this.amount;
	}

	public SagaStyle sagaStyle() {
		return this.sagaStyle;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public String authorizationId() {
		return this.authorizationId;
	}

	public String reason() {
		return this.reason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
