package org.dsmastery.payment.application;

/**
 * What was read before calling the payment provider changed before the result could be
 * written. Transient: the message goes through the retry topics and is decided afresh.
 */
public class ConcurrentChangeException extends RuntimeException {

	public ConcurrentChangeException(String message) {
		super(message);
	}

}
