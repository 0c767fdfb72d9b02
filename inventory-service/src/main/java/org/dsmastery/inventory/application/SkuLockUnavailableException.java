package org.dsmastery.inventory.application;

import java.time.Duration;

import org.dsmastery.inventory.domain.Sku;

/**
 * A sku's lock stayed taken for the whole wait. Transient: the message is retried.
 */
public class SkuLockUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param sku the sku
	 * @param waited how long it waited
	 */
	public SkuLockUnavailableException(Sku sku, Duration waited) {
		super("the lock of " + sku.code() + " stayed taken for " + waited);
	}

}
