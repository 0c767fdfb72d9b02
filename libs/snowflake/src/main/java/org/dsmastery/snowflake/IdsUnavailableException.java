package org.dsmastery.snowflake;

/**
 * Thrown by {@link PrefetchingIdClient} when its buffer is empty and the id source did
 * not deliver in time.
 */
public class IdsUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what happened
	 * @param cause the last failure of the id source, or {@code null}
	 */
	public IdsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
