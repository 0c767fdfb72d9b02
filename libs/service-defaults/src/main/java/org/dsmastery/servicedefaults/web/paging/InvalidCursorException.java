package org.dsmastery.servicedefaults.web.paging;

/**
 * A {@code cursor} query parameter this list did not issue (malformed, cut, edited, or
 * taken from another list or another filter): answered with 400 {@code invalid-cursor}.
 */
public class InvalidCursorException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong with the cursor, for the problem's detail
	 */
	public InvalidCursorException(String message) {
		super(message);
	}

}
