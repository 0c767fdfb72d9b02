package org.dsmastery.order.adapter.in.web;

/**
 * A {@code size} query parameter that is not a whole number from 1 to
 * {@link Paging#MAX_SIZE}: answered with 400 {@code invalid-page-size}.
 */
class InvalidPageSizeException extends RuntimeException {

	InvalidPageSizeException(String message) {
		super(message);
	}

}
