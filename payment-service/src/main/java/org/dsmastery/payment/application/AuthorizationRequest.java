package org.dsmastery.payment.application;

import java.util.Objects;

import org.dsmastery.payment.domain.CustomerId;
import org.dsmastery.payment.domain.Money;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.SagaStyle;

/**
 * Hold an order's amount on its customer's credit.
 *
 * @param orderId the order
 * @param customerId whose credit
 * @param amount how much
 * @param sagaStyle what triggered it: a command (orchestrated) or {@code StockReserved}
 * (choreographed)
 */
public record AuthorizationRequest(OrderId orderId, CustomerId customerId, Money amount, SagaStyle sagaStyle) {

	public AuthorizationRequest {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(sagaStyle, "sagaStyle");
	}

}
