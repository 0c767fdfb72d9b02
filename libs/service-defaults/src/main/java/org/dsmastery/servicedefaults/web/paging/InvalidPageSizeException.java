package org.dsmastery.servicedefaults.web.paging;

/**
 * A {@code size} query parameter that is not a whole number from 1 to
 * {@link Paging#MAX_SIZE}: answered with 400 {@code invalid-page-size}.
 */
public class InvalidPageSizeException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong with the size, for the problem's detail
	 */
	public InvalidPageSizeException(String message) {
		super(message);
	}

}
