package org.dsmastery.order.domain;

/**
 * Thrown when prices cannot be had now (inventory down, slow, or its circuit open).
 */
public class PricesUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what happened
	 * @param cause the failure, if any
	 */
	public PricesUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
