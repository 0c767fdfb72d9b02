package org.dsmastery.inventory.application;

/**
 * The product cache could not be written: the change is not made, so cache and database
 * never disagree beyond a read-through race.
 */
public class CacheUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause the cache client's error
	 */
	public CacheUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
