package org.dsmastery.payment.domain;

/**
 * Where a payment stands. {@code AUTHORIZED} holds money; the other three hold nothing.
 */
public enum PaymentStatus {

	AUTHORIZED, DECLINED, VOIDED, CAPTURED

}
