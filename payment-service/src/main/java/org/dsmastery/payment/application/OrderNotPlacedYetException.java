package org.dsmastery.payment.application;

import org.dsmastery.payment.domain.OrderId;

/**
 * A {@code StockReserved} overtook its order's {@code OrderPlaced}: without it the amount
 * and saga style are unknown. Transient: the message goes through the retry topics.
 */
public class OrderNotPlacedYetException extends RuntimeException {

	public OrderNotPlacedYetException(OrderId orderId) {
		super("OrderPlaced of order " + orderId + " not seen yet");
	}

}
